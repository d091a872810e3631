# Live conformance: called by KmConformanceTest (mvn verify -Pconformance) with
#   Rscript conformance.R <input.csv> <output.csv>
# input: time,status,group,stratum ; output: long table kind,group,conf_type,key,value
suppressMessages(library(survival))
a <- commandArgs(TRUE)
d <- read.csv(a[1], stringsAsFactors = FALSE)
out <- list()
add <- function(kind, group, ct, key, value)
  out[[length(out) + 1]] <<- data.frame(kind = kind, group = group, conf_type = ct, key = key,
                                        value = format(value, digits = 17))
for (ct in c("log", "log-log", "plain", "logit", "arcsin")) {
  f <- survfit(Surv(time, status) ~ group, data = d, conf.type = ct)
  g <- rep(sub("group=", "", names(f$strata)), f$strata)
  for (i in seq_along(f$time)) {
    add("curve", g[i], ct, paste0(f$time[i], "|surv"), f$surv[i])
    add("curve", g[i], ct, paste0(f$time[i], "|lower"), f$lower[i])
    add("curve", g[i], ct, paste0(f$time[i], "|upper"), f$upper[i])
  }
  q <- quantile(f, probs = c(0.25, 0.5, 0.75))
  lev <- sub("group=", "", rownames(q$quantile))
  for (i in seq_along(lev)) for (j in 1:3) {
    p <- c(0.25, 0.5, 0.75)[j]
    add("quantile", lev[i], ct, paste0(p, "|est"), q$quantile[i, j])
    add("quantile", lev[i], ct, paste0(p, "|lower"), q$lower[i, j])
    add("quantile", lev[i], ct, paste0(p, "|upper"), q$upper[i, j])
  }
}
for (rho in c(0, 1)) {
  add("test", "overall", "", paste0("rho", rho, "|plain"),
      survdiff(Surv(time, status) ~ group, data = d, rho = rho)$chisq)
  add("test", "overall", "", paste0("rho", rho, "|strata"),
      survdiff(Surv(time, status) ~ group + strata(stratum), data = d, rho = rho)$chisq)
}
write.csv(do.call(rbind, out), a[2], row.names = FALSE, na = "NA")
