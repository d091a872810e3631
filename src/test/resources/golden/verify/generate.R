# Reference binomial confidence limits for the verify tests, computed in base R (R 4.2.2).
# Run from the project root:  Rscript src/test/resources/golden/verify/generate.R
# Writes src/test/resources/golden/verify/binomial_limits.csv: method,x,n,conf_level,low,high
# (fractions). Every responder count 0..n is computed for each n listed below, so claims with an
# empty responders column can be checked too. Methods (names as in trialstats):
#   clopper-pearson  qbeta (== binom.test)                      Clopper & Pearson 1934
#   wilson           prop.test(correct = FALSE)$conf.int          Wilson 1927
#   wilson-cc        Newcombe 1998 method 4 (SAS CL=WILSON(CORRECT))
#   jeffreys         equal-tailed Beta(x+.5, n-x+.5) quantiles, 0/1 at x=0/n (SAS CL=JEFFREYS)
#   agresti-coull    Agresti & Coull 1998, clipped to [0, 1]
#   wald             p +- z sqrt(p(1-p)/n), clipped to [0, 1]
#   mid-p            Lancaster mid-p exact limits (uniroot, tol 1e-14)
#   blaker           Blaker 2000 acceptability limits (his R code, refined by bisection)
options(digits = 15)
out_dir <- "src/test/resources/golden/verify"

ns <- sort(unique(c(
  26, 57, 12, 20, 40,          # verify unit tests (FRAME, RAMP 201, constructed cases)
  as.integer(Sys.getenv("EXTRA_NS", "0"))
)))
ns <- ns[ns > 0]
extra_file <- file.path(out_dir, "claims_ns.txt")   # n's of datasets/published/claims.csv
if (file.exists(extra_file)) ns <- sort(unique(c(ns, scan(extra_file, quiet = TRUE))))
levels <- c(0.95, 0.90, 0.80)

cp <- function(x, n, a) c(if (x == 0) 0 else qbeta(a / 2, x, n - x + 1),
                          if (x == n) 1 else qbeta(1 - a / 2, x + 1, n - x))
wilson <- function(x, n, a) as.numeric(prop.test(x, n, conf.level = 1 - a, correct = FALSE)$conf.int)
wilson_cc <- function(x, n, a) {
  z <- qnorm(1 - a / 2); p <- x / n
  lo <- if (x == 0) 0 else
    (2 * n * p + z^2 - 1 - z * sqrt(z^2 - 2 - 1 / n + 4 * p * (n * (1 - p) + 1))) / (2 * (n + z^2))
  hi <- if (x == n) 1 else
    (2 * n * p + z^2 + 1 + z * sqrt(z^2 + 2 - 1 / n + 4 * p * (n * (1 - p) - 1))) / (2 * (n + z^2))
  c(max(0, lo), min(1, hi))
}
jeffreys <- function(x, n, a) c(if (x == 0) 0 else qbeta(a / 2, x + .5, n - x + .5),
                                if (x == n) 1 else qbeta(1 - a / 2, x + .5, n - x + .5))
agresti <- function(x, n, a) {
  z <- qnorm(1 - a / 2); nt <- n + z^2; pt <- (x + z^2 / 2) / nt
  h <- z * sqrt(pt * (1 - pt) / nt); c(max(0, pt - h), min(1, pt + h))
}
wald <- function(x, n, a) {
  z <- qnorm(1 - a / 2); p <- x / n; h <- z * sqrt(p * (1 - p) / n)
  c(max(0, p - h), min(1, p + h))
}
midp <- function(x, n, a) {
  lo <- if (x == 0) 0 else uniroot(function(p) pbinom(x - 1, n, p, lower.tail = FALSE) -
                                     0.5 * dbinom(x, n, p) - a / 2, c(1e-15, 1 - 1e-15), tol = 1e-14)$root
  hi <- if (x == n) 1 else uniroot(function(p) pbinom(x, n, p) - 0.5 * dbinom(x, n, p) - a / 2,
                                   c(1e-15, 1 - 1e-15), tol = 1e-14)$root
  c(lo, hi)
}
# Blaker (2000, Can J Stat 28:783), his acceptability function; the limits are found by his
# stepping search from the Clopper-Pearson limits and then refined by bisection to 1e-13.
acceptbin <- function(x, n, p) {
  p1 <- 1 - pbinom(x - 1, n, p)
  p2 <- pbinom(x, n, p)
  a1 <- p1 + pbinom(qbinom(p1, n, p) - 1, n, p)
  a2 <- p2 + 1 - pbinom(qbinom(1 - p2, n, p), n, p)
  min(a1, a2)
}
blaker <- function(x, n, a) {
  step <- 1e-4
  lo <- 0; hi <- 1
  if (x > 0) {
    lo <- qbeta(a / 2, x, n - x + 1)
    while (acceptbin(x, n, lo) < a) lo <- lo + step
    l0 <- max(lo - step, 0); l1 <- lo           # accept(l0) < a <= accept(l1)
    for (i in 1:60) { m <- (l0 + l1) / 2; if (acceptbin(x, n, m) < a) l0 <- m else l1 <- m }
    lo <- l1
  }
  if (x < n) {
    hi <- qbeta(1 - a / 2, x + 1, n - x)
    while (acceptbin(x, n, hi) < a) hi <- hi - step
    h0 <- min(hi + step, 1); h1 <- hi
    for (i in 1:60) { m <- (h0 + h1) / 2; if (acceptbin(x, n, m) < a) h0 <- m else h1 <- m }
    hi <- h1
  }
  c(lo, hi)
}
methods <- list("clopper-pearson" = cp, "wilson" = wilson, "wilson-cc" = wilson_cc,
                "jeffreys" = jeffreys, "agresti-coull" = agresti, "wald" = wald,
                "mid-p" = midp, "blaker" = blaker)
rows <- list()
for (n in ns) for (lev in levels) for (x in 0:n) for (m in names(methods)) {
  ci <- methods[[m]](x, n, 1 - lev)
  rows[[length(rows) + 1]] <- data.frame(method = m, x = x, n = n, conf_level = lev,
                                         low = ci[1], high = ci[2])
}
res <- do.call(rbind, rows)
res$low <- sprintf("%.17g", res$low)
res$high <- sprintf("%.17g", res$high)
write.csv(res, file.path(out_dir, "binomial_limits.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", nrow(res), "rows for n =", ns, "\n")
