# Round-trip reference for trialstats reconstruct (Guyot et al. 2012): simulated two-arm IPD
# (seeded), its Kaplan-Meier curve (survfit, at every event time, 4 decimals as a careful
# digitiser would read it), the numbers at risk every 3 months, and R's results on the ORIGINAL
# data (median with survfit's default log CI, Cox HR with Efron ties) that the reconstruction
# must recover. Run from the project root:
#   Rscript src/test/resources/golden/verify/generate_roundtrip.R
library(survival)
out_dir <- "src/test/resources/golden/verify"
set.seed(20121)
sim_arm <- function(n, median, arm) {
  ev <- rexp(n, log(2) / median)
  cens <- pmin(runif(n, 6, 36), 30)         # staggered entry, data cut at 30 months
  data.frame(ARM = arm, AVAL = pmax(round(pmin(ev, cens), 2), 0.01), CNSR = as.integer(ev > cens))
}
ipd <- rbind(sim_arm(150, 9, "Control"), sim_arm(150, 15, "Experimental"))
ipd$USUBJID <- sprintf("SIM-%03d", seq_len(nrow(ipd)))
write.csv(ipd[, c("USUBJID", "ARM", "AVAL", "CNSR")], file.path(out_dir, "roundtrip_ipd.csv"),
          row.names = FALSE, quote = FALSE)
curve <- NULL; risk <- NULL; summ <- NULL
risk_times <- seq(0, 30, by = 3)
for (a in c("Control", "Experimental")) {
  d <- ipd[ipd$ARM == a, ]
  fit <- survfit(Surv(AVAL, 1 - CNSR) ~ 1, data = d)
  ev <- fit$n.event > 0
  curve <- rbind(curve, data.frame(arm = a, time = c(0, fit$time[ev]),
                                   survival = round(c(1, fit$surv[ev]), 4)))
  nr <- summary(fit, times = risk_times, extend = TRUE)$n.risk
  risk <- rbind(risk, data.frame(arm = a, time = risk_times, n_risk = nr))
  q <- quantile(fit, 0.5)
  summ <- rbind(summ, data.frame(arm = a, term = c("median", "events", "n"),
                                 value = c(q$quantile, sum(fit$n.event), nrow(d))))
}
cx <- coxph(Surv(AVAL, 1 - CNSR) ~ I(ARM == "Experimental"), data = ipd, ties = "efron")
summ <- rbind(summ, data.frame(arm = "Experimental vs Control", term = "hr",
                               value = exp(coef(cx))))
write.csv(curve, file.path(out_dir, "roundtrip_curve.csv"), row.names = FALSE, quote = FALSE)
write.csv(risk, file.path(out_dir, "roundtrip_risk.csv"), row.names = FALSE, quote = FALSE)
summ$value <- sprintf("%.15g", summ$value)
write.csv(summ, file.path(out_dir, "roundtrip_original.csv"), row.names = FALSE, quote = FALSE)
print(summ)
