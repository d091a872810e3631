# Golden references for trialstats rmst.
# Run from the project root:  Rscript src/test/resources/golden/rmst/generate.R
#
# survRM2 is not packaged for Debian (no r-cran-survrm2), so its unadjusted formulas are
# re-implemented here by hand from its source (survRM2 1.0-4, functions rmst1 and rmst2,
# https://github.com/cran/survRM2): area under survfit's KM curve to tau, variance
# sum_j A_j^2 d_j/(n_j(n_j-d_j)), difference and log-ratio contrasts, default tau by its case rule.
# As an independent check, survival's own print(survfit, rmean = tau) RMST and se(rmean) are
# written beside (columns rmean_survival, se_survival).
# Writes: data_<case>.csv (time,status,arm), arms.csv, contrasts.csv.
suppressPackageStartupMessages(library(survival))
out <- "src/test/resources/golden/rmst"
ds <- "datasets/r-survival"
num <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))

rmst_one <- function(time, status, tau, alpha = 0.05) {
  ft <- survfit(Surv(time, status) ~ 1)
  keep <- ft$time <= tau
  tt <- c(ft$time[keep], tau)
  areas <- diff(c(0, tt)) * c(1, ft$surv[keep])
  nr <- ft$n.risk[keep]; ne <- ft$n.event[keep]
  inc <- ifelse(nr - ne == 0, 0, ne / (nr * (nr - ne)))
  m <- length(inc)
  tail <- rev(cumsum(rev(areas[-1])))          # area from each time to tau
  v <- sum(tail^2 * inc)
  est <- sum(areas)
  z <- qnorm(1 - alpha / 2)
  list(rmst = est, var = v, se = sqrt(v), lower = est - z * sqrt(v), upper = est + z * sqrt(v))
}

# survRM2's default tau (cases 1-4 of rmst2), for two arms.
default_tau <- function(time, status, arm, ref) {
  a1 <- arm != ref
  t0 <- max(time[!a1]); s0 <- min(status[!a1][time[!a1] == t0])
  t1 <- max(time[a1]);  s1 <- min(status[a1][time[a1] == t1])
  if (s0 == 1 && s1 == 1) return(max(t0, t1))
  if ((s0 == 0 && s1 == 1 && t0 >= t1) || (s0 == 1 && s1 == 0 && t1 > t0)) return(max(t0, t1))
  min(t0, t1)
}

arms <- list(); contrasts <- list()
emit <- function(case, time, status, arm, ref, tau = NULL) {
  write.csv(data.frame(time = num(time), status = status, arm = arm),
            file.path(out, paste0("data_", case, ".csv")), row.names = FALSE, quote = FALSE)
  levs <- c(ref, setdiff(sort(unique(arm)), ref))
  given <- !is.null(tau)
  if (!given) tau <- default_tau(time, status, arm, ref)
  fit <- survfit(Surv(time, status) ~ arm)
  tab <- summary(fit, rmean = tau)$table
  res <- list()
  for (a in levs) {
    r <- rmst_one(time[arm == a], status[arm == a], tau)
    res[[a]] <- r
    arms[[length(arms) + 1]] <<- data.frame(
      case = case, arm = a, tau = num(tau), tau_given = as.integer(given),
      rmst = num(r$rmst), se = num(r$se), lower = num(r$lower), upper = num(r$upper),
      rmean_survival = num(tab[paste0("arm=", a), "rmean"]),
      se_survival = num(tab[paste0("arm=", a), "se(rmean)"]))
  }
  z <- qnorm(0.975)
  r0 <- res[[ref]]
  for (a in levs[-1]) {
    r1 <- res[[a]]
    d <- r1$rmst - r0$rmst; dse <- sqrt(r1$var + r0$var)
    lr <- log(r1$rmst) - log(r0$rmst)
    lse <- sqrt(r1$var / r1$rmst^2 + r0$var / r0$rmst^2)
    contrasts[[length(contrasts) + 1]] <<- data.frame(
      case = case, arm = a, ref = ref, tau = num(tau),
      diff = num(d), diff_low = num(d - z * dse), diff_high = num(d + z * dse),
      diff_p = num(2 * pnorm(-abs(d) / dse)),
      ratio = num(exp(lr)), ratio_low = num(exp(lr - z * lse)), ratio_high = num(exp(lr + z * lse)),
      ratio_p = num(2 * pnorm(-abs(lr) / lse)))
  }
}

aml <- read.csv(file.path(ds, "aml.csv"))
emit("aml", aml$time, aml$status, aml$x, "Maintained")
ovarian <- read.csv(file.path(ds, "ovarian.csv"))
emit("ovarian", ovarian$futime, ovarian$fustat, as.character(ovarian$rx), "1")
emit("ovarian_tau500", ovarian$futime, ovarian$fustat, as.character(ovarian$rx), "1", tau = 500)
veteran <- read.csv(file.path(ds, "veteran.csv"))
emit("veteran", veteran$time, veteran$status, as.character(veteran$trt), "1")
emit("veteran_tau365", veteran$time, veteran$status, as.character(veteran$trt), "1", tau = 365)
lung <- read.csv(file.path(ds, "lung.csv"))
emit("lung", lung$time, lung$status - 1, as.character(lung$sex), "1")
colon <- read.csv(file.path(ds, "colon.csv")); colon <- colon[colon$etype == 2, ]
emit("colon_tau2000", colon$time, colon$status, colon$rx, "Obs", tau = 2000)

# Seeded random data covering survRM2's four default-tau cases and heavy ties.
set.seed(20261127)
mk <- function(n, last0, last1, longer) {
  t <- sample(1:40, 2 * n, TRUE); s <- rbinom(2 * n, 1, 0.6); a <- rep(c("A", "B"), each = n)
  # force the status and order of each arm's largest time
  m0 <- if (longer == "A") 60 else 50; m1 <- if (longer == "A") 50 else 60
  t[n] <- m0; s[n] <- last0; t[2 * n] <- m1; s[2 * n] <- last1
  list(t = t, s = s, a = a)
}
for (cs in list(c(1, 1, "A"), c(0, 1, "A"), c(1, 0, "A"), c(0, 0, "A"), c(1, 0, "B"), c(0, 1, "B"))) {
  d <- mk(40, as.integer(cs[1]), as.integer(cs[2]), cs[3])
  emit(sprintf("rand_last%s%s_longer%s", cs[1], cs[2], cs[3]), d$t, d$s, d$a, "A")
}
n <- 120
emit("rand_heavy_ties_tau20", sample(1:30, n, TRUE), rbinom(n, 1, 0.7),
     sample(c("ctl", "trt"), n, TRUE), "ctl", tau = 20)

write.csv(do.call(rbind, arms), file.path(out, "arms.csv"), row.names = FALSE)
write.csv(do.call(rbind, contrasts), file.path(out, "contrasts.csv"), row.names = FALSE)
cat("R", R.version$major, R.version$minor, "survival", format(packageVersion("survival")), "\n")
