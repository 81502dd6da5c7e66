# Reference values from R's survival and cmprsk for the survival step.
# Usage: Rscript scripts/r_reference.R data/processed/survival/survival_data.csv tests/reference/r_reference.csv
# Input columns: war_id, time_days, event (1 talks, 2 war end without talks, 0 censored), covariates.
suppressPackageStartupMessages({ library(survival); library(cmprsk); library(coin) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
out <- list()
add <- function(quantity, key, value) {
  out[[length(out) + 1]] <<- data.frame(quantity = quantity, key = as.character(key), value = value)
}

# Kaplan-Meier of time to talks, war end censored, log-log intervals
km <- survfit(Surv(time_days, event == 1) ~ 1, data = d, conf.type = "log-log")
for (i in seq_along(km$time)) {
  t <- km$time[i]
  add("km_survival", t, km$surv[i]); add("km_lower", t, km$lower[i])
  add("km_upper", t, km$upper[i]); add("km_at_risk", t, km$n.risk[i])
}
tab <- summary(km)$table
add("km_median", "median", tab[["median"]]); add("km_median", "lower", tab[["0.95LCL"]])
add("km_median", "upper", tab[["0.95UCL"]])

# Cumulative incidence: cmprsk (Gray) and survival's Aalen-Johansen
ci <- cuminc(d$time_days, d$event, cencode = 0)
times <- sort(unique(d$time_days))
tp <- timepoints(ci, times)
for (cause in c("1", "2")) {
  row <- paste("1", cause)
  for (j in seq_along(times)) {
    add(paste0("cuminc_est_", cause), times[j], tp$est[row, j])
    add(paste0("cuminc_var_", cause), times[j], tp$var[row, j])
  }
}
ms <- survfit(Surv(time_days, factor(event, 0:2, c("censor", "talks", "war_end"))) ~ 1, data = d)
for (j in seq_along(ms$time)) {
  add("aj_talks", ms$time[j], ms$pstate[j, which(ms$states == "talks")])
  add("aj_war_end", ms$time[j], ms$pstate[j, which(ms$states == "war_end")])
}

# Cause-specific Cox models, Efron ties
f <- ~ cold_war + log_battle_deaths + n_states
for (cause in 1:2) {
  # eps 1e-12: the default (1e-9) stops about 1e-7 from the optimum, which moves cox.zph by 4e-6
  m <- coxph(update(f, Surv(time_days, event == cause) ~ .), data = d, ties = "efron",
             control = coxph.control(eps = 1e-12, toler.chol = 1e-15, iter.max = 100))
  for (v in names(coef(m))) {
    add(paste0("cox_coef_", cause), v, coef(m)[[v]])
    add(paste0("cox_se_", cause), v, sqrt(diag(vcov(m)))[[v]])
  }
  add(paste0("cox_loglik_", cause), "final", m$loglik[2])
  # PH test: the score test of cox.zph (survival >= 3.0), both transforms; scaled Schoenfeld residuals (km)
  for (tr in c("km", "rank")) {
    z <- cox.zph(m, transform = tr)
    for (row in rownames(z$table)) {
      add(paste0("zph_chisq_", tr, "_", cause), row, z$table[row, "chisq"])
      add(paste0("zph_p_", tr, "_", cause), row, z$table[row, "p"])
    }
    if (tr == "km") {
      for (v in colnames(z$y)) for (i in seq_len(nrow(z$y))) add(paste0("zph_y_", cause, "_", v), i, z$y[i, v])
      for (i in seq_along(z$x)) add(paste0("zph_x_", cause), i, z$x[i])
      # the smooth plot.cox.zph draws (df = 4, 40 points) and its +-2 se band, computed as its code does
      # (survival 3.5.3's plot.cox.zph has no plot = FALSE to return them)
      xx <- z$x; pred.x <- seq(min(xx), max(xx), length = 40)
      lmat <- splines::ns(c(pred.x, xx), df = 4, intercept = TRUE)
      pmat <- lmat[1:40, ]; xmat <- lmat[-(1:40), ]
      qmat <- qr(xmat)
      bk <- backsolve(qmat$qr[1:4, 1:4], diag(4)); xtx <- bk %*% t(bk)
      seval <- ((pmat %*% xtx) * pmat) %*% rep(1, 4)
      for (j in seq_along(colnames(z$y))) {
        v <- colnames(z$y)[j]
        yhat <- pmat %*% qr.coef(qmat, z$y[, j])
        up <- yhat + 2 * sqrt(z$var[j, j] * seval)
        for (i in 1:40) {
          add(paste0("zph_smooth_", cause, "_", v), i, yhat[i])
          add(paste0("zph_band_", cause, "_", v), i, up[i])
        }
      }
    }
  }
}

# Remedy where PH is rejected: each covariate whose cox.zph (km) test has p < 0.05 gets x * log(t)
for (cause in 1:2) {
  m <- coxph(update(f, Surv(time_days, event == cause) ~ .), data = d, ties = "efron",
             control = coxph.control(eps = 1e-12, toler.chol = 1e-15, iter.max = 100))
  tab <- cox.zph(m, transform = "km")$table
  rej <- setdiff(rownames(tab)[tab[, "p"] < 0.05], "GLOBAL")
  if (length(rej) == 0) next
  g <- as.formula(paste("Surv(time_days, event == cause) ~ cold_war + log_battle_deaths + n_states +",
                        paste0("tt(", rej, ")", collapse = " + ")))
  tv <- coxph(g, data = d, ties = "efron", tt = rep(list(function(x, t, ...) x * log(t)), length(rej)),
              control = coxph.control(eps = 1e-12, toler.chol = 1e-15, iter.max = 100))
  nm <- sub("^tt\\((.*)\\)$", "\\1:log(t)", names(coef(tv)))
  for (i in seq_along(nm)) {
    add(paste0("tt_coef_", cause), nm[i], coef(tv)[[i]])
    add(paste0("tt_se_", cause), nm[i], sqrt(diag(vcov(tv)))[[i]])
  }
}

# Fine-Gray (cmprsk::crr, run to gtol = 1e-12: the default 1e-6 stops short of the optimum) and Gray's
# test (cuminc's Tests, cold_war groups), on the data and on a variant with censored rows (every fourth
# war from the third censored at half its time), since crr's censoring weights are 1 without censoring
censored_variant <- function(d) {
  idx <- seq(3, nrow(d), by = 4)
  d$event[idx] <- 0
  d$time_days[idx] <- floor(d$time_days[idx] / 2)
  d
}
for (variant in c("data", "censored")) {
  dd <- if (variant == "data") d else censored_variant(d)
  for (cause in 1:2) {
    for (spec in c("multivariable", "cold_war_only")) {
      X <- if (spec == "multivariable") as.matrix(dd[, c("cold_war", "log_battle_deaths", "n_states")])
           else as.matrix(dd[, "cold_war", drop = FALSE])
      fg <- crr(dd$time_days, dd$event, X, failcode = cause, cencode = 0, gtol = 1e-12, maxiter = 100)
      key <- paste(variant, cause, spec, sep = "_")
      for (v in names(fg$coef)) {
        add(paste0("crr_coef_", key), v, fg$coef[[v]])
        add(paste0("crr_se_", key), v, sqrt(diag(fg$var))[match(v, names(fg$coef))])
      }
      add(paste0("crr_loglik_", key), "final", fg$loglik)
    }
  }
  g <- cuminc(dd$time_days, dd$event, group = dd$cold_war, cencode = 0)
  for (cause in 1:2) {
    add(paste0("gray_stat_", variant), cause, g$Tests[as.character(cause), "stat"])
    add(paste0("gray_p_", variant), cause, g$Tests[as.character(cause), "pv"])
  }
}

# Exact (conditional permutation) log-rank test, coin; its scores
lt <- logrank_test(Surv(time_days, event == 1) ~ factor(cold_war), data = d, distribution = "exact")
add("coin_exact_logrank", "z", statistic(lt))
add("coin_exact_logrank", "p", pvalue(lt))
sc <- logrank_trafo(Surv(d$time_days, d$event == 1))
for (i in seq_along(sc)) add("coin_logrank_score", i, sc[i])

# Log-rank test, Cold War vs later
lr <- survdiff(Surv(time_days, event == 1) ~ cold_war, data = d)
add("logrank_chisq", "cold_war", lr$chisq)

# Parametric AFT models
for (dist in c("weibull", "lognormal", "loglogistic")) {
  m <- survreg(update(f, Surv(time_days, event == 1) ~ .), data = d, dist = dist)
  add(paste0("aft_loglik_", dist), "final", m$loglik[2])
  for (v in names(coef(m))) add(paste0("aft_coef_", dist), v, coef(m)[[v]])
  se <- sqrt(diag(vcov(m)))
  for (v in names(se)) add(paste0("aft_se_", dist), v, se[[v]])
  add(paste0("aft_log_scale_", dist), "log_scale", log(m$scale))
}

res <- do.call(rbind, out)
res$value <- formatC(res$value, digits = 15, format = "g")
write.csv(res, args[2], row.names = FALSE, quote = TRUE)
cat("R", R.version$major, R.version$minor, "survival", as.character(packageVersion("survival")),
    "cmprsk", as.character(packageVersion("cmprsk")), "coin", as.character(packageVersion("coin")), "\n")
