# The benchmark job in R survival: read the CSV, KM with median CI per arm, stratified log-rank,
# stratified Cox (Efron). Prints per-step seconds on stderr and the numbers as tidy CSV on stdout.
# Usage: Rscript bench/bench.R data.csv
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
tm <- function(label, expr) {
  t0 <- proc.time()[["elapsed"]]
  v <- force(expr)
  message(sprintf("R %-22s %7.3f s", label, proc.time()[["elapsed"]] - t0))
  v
}
t_all <- proc.time()[["elapsed"]]
d <- tm("read csv", read.csv(args[1], stringsAsFactors = FALSE))
d$status <- as.integer(d$CNSR == 0)
km <- tm("km by arm", survfit(Surv(AVAL, status) ~ ARM, data = d, conf.type = "log"))
lr <- tm("stratified log-rank", survdiff(Surv(AVAL, status) ~ ARM + strata(STRATUM), data = d))
cx <- tm("stratified cox efron", coxph(Surv(AVAL, status) ~ ARM + strata(STRATUM), data = d,
                                       ties = "efron"))
message(sprintf("R %-22s %7.3f s", "total", proc.time()[["elapsed"]] - t_all))
q <- quantile(km, probs = 0.5, conf.int = TRUE)
arms <- sub("ARM=", "", rownames(q$quantile))
out <- data.frame(analysis = "km", group = arms, term = "median",
                  estimate = as.numeric(q$quantile), conf_low = as.numeric(q$lower),
                  conf_high = as.numeric(q$upper))
p <- pchisq(lr$chisq, length(lr$n) - 1, lower.tail = FALSE)
out <- rbind(out, data.frame(analysis = "logrank", group = "Experimental vs Control",
                             term = "logrank", estimate = lr$chisq, conf_low = NA, conf_high = NA))
ci <- exp(confint(cx))
out <- rbind(out, data.frame(analysis = "cox", group = "Experimental vs Control", term = "hr",
                             estimate = exp(coef(cx)[[1]]), conf_low = ci[1, 1],
                             conf_high = ci[1, 2]))
write.csv(out, stdout(), row.names = FALSE)
