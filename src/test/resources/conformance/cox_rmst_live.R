# Live conformance (mvn verify -Pconformance): fits what CoxRmstConformanceTest wrote.
# Usage: Rscript cox_rmst_live.R DIR   (reads DIR/data.csv: time,status,arm,z,s; writes DIR/r.csv)
suppressPackageStartupMessages(library(survival))
dir <- commandArgs(trailingOnly = TRUE)[1]
d <- read.csv(file.path(dir, "data.csv"))
d$arm <- factor(d$arm, levels = sort(unique(d$arm)))
num <- function(x) sprintf("%.17g", x)
rows <- list()
add <- function(what, value) rows[[length(rows) + 1]] <<- data.frame(what = what, value = num(value))
for (ties in c("efron", "breslow", "exact")) {
  for (model in c("arm", "arm_z_strata")) {
    f <- if (model == "arm") Surv(time, status) ~ arm else Surv(time, status) ~ arm + z + strata(s)
    fit <- coxph(f, data = d, ties = ties)
    b <- coef(fit); se <- sqrt(diag(fit$var))
    for (j in seq_along(b)) {
      add(paste(ties, model, "coef", j, sep = ":"), b[j])
      add(paste(ties, model, "se", j, sep = ":"), se[j])
    }
    add(paste(ties, model, "loglik", sep = ":"), fit$loglik[2])
    add(paste(ties, model, "score", sep = ":"), fit$score)
  }
}
tau <- as.numeric(readLines(file.path(dir, "tau.txt")))
tab <- summary(survfit(Surv(time, status) ~ arm, data = d), rmean = tau)$table
for (a in levels(d$arm)) {
  add(paste("rmst", a, sep = ":"), tab[paste0("arm=", a), "rmean"])
  add(paste("rmst_se", a, sep = ":"), tab[paste0("arm=", a), "se(rmean)"])
}
write.csv(do.call(rbind, rows), file.path(dir, "r.csv"), row.names = FALSE)
