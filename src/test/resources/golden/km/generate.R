# Golden reference values for `trialstats km` from R survival.
# Run from the project root:  Rscript src/test/resources/golden/km/generate.R
# Needs R (4.2.2 used) with survival (3.5-3 used). Writes, beside this script:
#   input_<case>.csv   the data of each case: time,status,group,stratum (status 1 = event)
#   curves.csv         survfit() step tables for every conf.type
#   quantiles.csv      quantile.survfit() quartiles with CIs (R rules)
#   landmarks.csv      summary(survfit, times, extend = TRUE)
#   followup.csv       reverse Kaplan-Meier median follow-up (R rules, conf.type log)
#   tests.csv          survdiff (rho 0, 1; stratified) and textbook weighted log-rank tests
#   pairwise.csv       survdiff of each level vs the first on the two-group subset (3+ groups)
suppressMessages(library(survival))
out <- "src/test/resources/golden/km"
ds <- "datasets/r-survival"
cases <- list()

rd <- function(f) read.csv(file.path(ds, f), stringsAsFactors = FALSE)
mk <- function(time, status, group, stratum = rep("ALL", length(time))) {
  d <- data.frame(time = time, status = status, group = as.character(group),
                  stratum = as.character(stratum), stringsAsFactors = FALSE)
  d[complete.cases(d), ]
}
a <- rd("aml.csv");      cases$aml <- mk(a$time, a$status, a$x)
o <- rd("ovarian.csv");  cases$ovarian <- mk(o$futime, o$fustat, o$rx, o$resid.ds)
v <- rd("veteran.csv");  cases$veteran <- mk(v$time, v$status, v$trt, v$celltype)
l <- rd("lung.csv");     cases$lung <- mk(l$time, l$status - 1, l$sex)
co <- rd("colon.csv");   co <- co[co$etype == 2, ]
cases$colon <- mk(co$time, co$status, co$rx, co$sex)
m <- rd("myeloid.csv");  cases$myeloid <- mk(m$futime, m$death, m$trt, m$sex)

set.seed(20261126)
# small n, continuous times
n <- 10
cases$small <- mk(round(rexp(n, 0.1), 3), rbinom(n, 1, 0.7), rep(c("A", "B"), 5))
# heavy ties: integer times, 3 groups, 2 strata
n <- 300
g <- sample(c("A", "B", "C"), n, TRUE)
cases$ties <- mk(pmax(1, round(rexp(n, ifelse(g == "A", 0.15, ifelse(g == "B", 0.1, 0.2))))),
                 rbinom(n, 1, 0.75), g, sample(c("s1", "s2"), n, TRUE))
# heavy censoring
n <- 120
g <- sample(c("Ctl", "Trt"), n, TRUE)
tt <- rexp(n, 0.05); cc <- runif(n, 0, 15)
cases$heavycens <- mk(round(pmin(tt, cc), 2), as.integer(tt <= cc), g)
# curves flat at exactly 0.5: group A ends flat at 0.5 (censored to the end); group B is
# at 0.5 between two event times
cases$flat50 <- mk(c(1, 2, 3, 5,   1, 2, 3, 4, 5, 6),
                   c(1, 1, 0, 0,   1, 1, 1, 0, 1, 1),
                   c(rep("A", 4), rep("B", 6)))
# an all-censored group
n <- 60
g <- rep(c("A", "B", "Z"), each = 20)
st <- ifelse(g == "Z", 0L, rbinom(n, 1, 0.8))
cases$allcens <- mk(round(runif(n, 1, 40)), st, g)
# strata, including a stratum with a single subject
n <- 150
cases$strata <- mk(round(rweibull(n, 1.2, 20), 1), rbinom(n, 1, 0.7),
                   sample(c("A", "B"), n, TRUE),
                   c(sample(c("x", "y", "z"), n - 1, TRUE), "w"))
# 4 groups
n <- 160
g <- sample(c("G1", "G2", "G3", "G4"), n, TRUE)
cases$multi <- mk(round(rexp(n, c(G1 = 0.05, G2 = 0.07, G3 = 0.09, G4 = 0.04)[g]), 1),
                  rbinom(n, 1, 0.8), g)
# no censoring at all (identity: KM = empirical survivor function)
cases$nocens <- mk(sample(1:20, 40, TRUE), rep(1, 40), rep("A", 40))

ctypes <- c(plain = "plain", log = "log", "log-log" = "log-log", logit = "logit",
            arcsine = "arcsin")
num <- function(x) ifelse(is.na(x), "", format(x, digits = 17, scientific = FALSE, trim = TRUE))
wr <- function(df, f) {
  for (j in seq_along(df)) if (is.numeric(df[[j]])) df[[j]] <- num(df[[j]])
  write.csv(df, file.path(out, f), row.names = FALSE, quote = TRUE, na = "")
}

curves <- list(); quants <- list(); lands <- list(); fups <- list(); tests <- list()
pairs <- list()

# Textbook weighted log-rank (Klein & Moeschberger 2003, section 7.3), written independently of
# survdiff: weights w(n, S(t-)) with S the pooled Kaplan-Meier within the stratum.
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
  if (sum(keep) < 2) return(c(NA, sum(keep) - 1, NA))
  u <- U[keep][-1]; vv <- V[keep, keep][-1, -1, drop = FALSE]
  chi <- sum(solve(vv, u) * u); df <- sum(keep) - 1
  c(chi, df, pchisq(chi, df, lower.tail = FALSE))
}
wtests <- list(
  logrank = function(n, s) 1,
  gehan = function(n, s) n,
  "tarone-ware" = function(n, s) sqrt(n),
  peto = function(n, s) s,
  "fh:0,1" = function(n, s) 1 - s,
  "fh:1,1" = function(n, s) s * (1 - s),
  "fh:0.5,2" = function(n, s) s^0.5 * (1 - s)^2)

for (cn in names(cases)) {
  d <- cases[[cn]]
  wr(d, paste0("input_", cn, ".csv"))
  lev <- sort(unique(d$group))
  grouped <- length(lev) > 1
  for (ct in names(ctypes)) {
    for (lvl in if (cn == "small") c(0.95, 0.9) else 0.95) {
      f <- if (grouped) survfit(Surv(time, status) ~ group, data = d, conf.type = ctypes[[ct]],
                                conf.int = lvl)
           else survfit(Surv(time, status) ~ 1, data = d, conf.type = ctypes[[ct]], conf.int = lvl)
      gl <- if (grouped) rep(sub("group=", "", names(f$strata)), f$strata) else rep(lev, length(f$time))
      curves[[length(curves) + 1]] <- data.frame(
        case = cn, group = gl, conf_type = ct, conf_level = lvl, time = f$time,
        n_risk = f$n.risk, n_event = f$n.event, n_censor = f$n.censor, surv = f$surv,
        std_err = f$std.err, lower = f$lower, upper = f$upper)
      q <- quantile(f, probs = c(0.25, 0.5, 0.75))
      qm <- if (is.matrix(q$quantile)) q$quantile else matrix(q$quantile, nrow = 1)
      ql <- if (is.matrix(q$lower)) q$lower else matrix(q$lower, nrow = 1)
      qu <- if (is.matrix(q$upper)) q$upper else matrix(q$upper, nrow = 1)
      for (i in seq_len(nrow(qm))) for (j in 1:3) {
        quants[[length(quants) + 1]] <- data.frame(
          case = cn, group = lev[i], conf_type = ct, conf_level = lvl,
          prob = c(0.25, 0.5, 0.75)[j], quantile = qm[i, j], lower = ql[i, j], upper = qu[i, j])
      }
      if (lvl == 0.95) {
        mx <- max(d$time)
        times <- sort(unique(c(0, round(mx * c(0.1, 0.25, 0.5, 0.75), 1), max(d$time[d$status == 1], 0), mx, mx * 1.5)))
        s <- summary(f, times = times, extend = TRUE)
        sg <- if (grouped) sub("group=", "", as.character(s$strata)) else rep(lev, length(s$time))
        lands[[length(lands) + 1]] <- data.frame(
          case = cn, group = sg, conf_type = ct, time = s$time, surv = s$surv,
          std_err = s$std.err, lower = s$lower, upper = s$upper, n_risk = s$n.risk)
      }
    }
  }
  rf <- if (grouped) survfit(Surv(time, 1 - status) ~ group, data = d) else survfit(Surv(time, 1 - status) ~ 1, data = d)
  q <- quantile(rf, probs = 0.5)
  fups[[length(fups) + 1]] <- data.frame(case = cn, group = lev, median = as.vector(q$quantile),
                                         lower = as.vector(q$lower), upper = as.vector(q$upper))
  if (grouped) {
    strat <- length(unique(d$stratum)) > 1
    for (st in if (strat) c(FALSE, TRUE) else FALSE) {
      dd <- if (st) d else transform(d, stratum = "ALL")
      for (rho in c(0, 1)) {
        sd <- if (st) survdiff(Surv(time, status) ~ group + strata(stratum), data = dd, rho = rho)
              else survdiff(Surv(time, status) ~ group, data = dd, rho = rho)
        df <- sum(sd$exp > 0) - 1
        if (is.matrix(sd$exp)) df <- sum(apply(sd$exp, 1, sum) > 0) - 1
        tests[[length(tests) + 1]] <- data.frame(
          case = cn, stratified = as.integer(st), test = if (rho == 0) "logrank" else "peto",
          source = "survdiff", chisq = sd$chisq, df = df,
          p = pchisq(sd$chisq, df, lower.tail = FALSE))
      }
      if (length(lev) > 2) for (h in lev[-1]) for (rho in c(0, 1)) {
        sub <- dd[dd$group %in% c(lev[1], h), ]
        sd <- if (st) survdiff(Surv(time, status) ~ group + strata(stratum), data = sub, rho = rho)
              else survdiff(Surv(time, status) ~ group, data = sub, rho = rho)
        pairs[[length(pairs) + 1]] <- data.frame(
          case = cn, stratified = as.integer(st), test = if (rho == 0) "logrank" else "peto",
          group = paste(h, "vs", lev[1]), chisq = sd$chisq,
          p = pchisq(sd$chisq, 1, lower.tail = FALSE))
      }
      for (tn in names(wtests)) {
        r <- wlr(dd, wtests[[tn]])
        tests[[length(tests) + 1]] <- data.frame(
          case = cn, stratified = as.integer(st), test = tn, source = "textbook",
          chisq = r[1], df = r[2], p = r[3])
      }
    }
  }
}
tests <- do.call(rbind, tests)
# the textbook implementation must reproduce survdiff where both exist
for (i in which(tests$source == "survdiff")) {
  j <- which(tests$source == "textbook" & tests$case == tests$case[i] &
             tests$stratified == tests$stratified[i] & tests$test == tests$test[i])
  stopifnot(abs(tests$chisq[i] - tests$chisq[j]) <= 1e-8 * max(1, tests$chisq[i]))
}
wr(do.call(rbind, curves), "curves.csv")
wr(do.call(rbind, quants), "quantiles.csv")
wr(do.call(rbind, lands), "landmarks.csv")
wr(do.call(rbind, fups), "followup.csv")
wr(tests, "tests.csv")
wr(do.call(rbind, pairs), "pairwise.csv")
cat("R", R.version$major, R.version$minor, "survival", format(packageVersion("survival")), "\n")
