# Live conformance: called by KmConformanceTest (mvn verify -Pconformance) with
#   Rscript conformance.R <input.csv> <output.csv>
# input: time,status,group,stratum ; output: long table kind,group,conf_type,key,value
# (survfit curves and quantiles for every conf.type, survdiff rho 0/1, textbook gehan,
# tarone-ware and FH tests, each unstratified and stratified)
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
# textbook weighted log-rank (same independent implementation as generate.R)
wlr <- function(d, wfun) {
  lev <- sort(unique(d$group)); k <- length(lev)
  U <- rep(0, k); V <- matrix(0, k, k); E <- rep(0, k)
  for (s in unique(d$stratum)) {
    x <- d[d$stratum == s, ]
    km <- 1
    for (t in sort(unique(x$time[x$status == 1]))) {
      n <- sum(x$time >= t); dd <- sum(x$time == t & x$status == 1)
      ng <- sapply(lev, function(l) sum(x$time >= t & x$group == l))
      dg <- sapply(lev, function(l) sum(x$time == t & x$status == 1 & x$group == l))
      w <- wfun(n, km)
      U <- U + w * (dg - dd * ng / n); E <- E + dd * ng / n
      if (n > 1) V <- V + w^2 * dd * (n - dd) / (n - 1) * (diag(ng / n, k) - outer(ng / n, ng / n))
      km <- km * (1 - dd / n)
    }
  }
  keep <- E > 0
  u <- U[keep][-1]; vv <- V[keep, keep][-1, -1, drop = FALSE]
  sum(solve(vv, u) * u)
}
wt <- list(gehan = function(n, s) n, "tarone-ware" = function(n, s) sqrt(n),
           "fh:1,1" = function(n, s) s * (1 - s), "fh:0,2" = function(n, s) (1 - s)^2)
for (tn in names(wt)) {
  add("test", "overall", "", paste0(tn, "|plain"), wlr(transform(d, stratum = "ALL"), wt[[tn]]))
  add("test", "overall", "", paste0(tn, "|strata"), wlr(d, wt[[tn]]))
}
write.csv(do.call(rbind, out), a[2], row.names = FALSE, na = "NA")
