# Reference values for `trialstats orr` (org.trialstats.response).
# Run from the project root:  Rscript src/test/resources/golden/orr/generate.R
# Needs only base R (stats). Writes the CSVs beside this script.
#
# Sources of each reference:
#   clopper-pearson  binom.test()$conf.int
#   wilson           prop.test(correct = FALSE)$conf.int
#   wilson-cc        prop.test(correct = TRUE)$conf.int, with p chosen far from x/n so that R's
#                    min(0.5, |x - n p|) shrinkage of the correction never applies (Newcombe 1998 m.4)
#   jeffreys         qbeta(., x + 1/2, n - x + 1/2), 0 at x = 0, 1 at x = n
#   agresti-coull    Agresti & Coull (1998) formula, truncated to [0, 1]
#   wald             p +- z sqrt(p(1-p)/n), truncated to [0, 1]
#   mid-p            uniroot on the mid-p tail equations written from Berry & Armitage (1995)
#   blaker           Blaker (2000) acceptability computed from the full dbinom vector (checked
#                    against Blaker's own grid-stepping code, tolerance 1e-4), limits by bisection
#   binom test       binom.test(alternative = "greater"/"two.sided")$p.value
#   two arms         prop.test (2 groups, correct = FALSE) for Wald; Newcombe (1998) method 10 from
#                    prop.test Wilson limits; Miettinen-Nurminen (1985) with the restricted MLE
#                    found numerically (uniroot on the score of the constrained likelihood, not
#                    the closed-form cubic the Java code uses); fisher.test p-value, estimate and
#                    interval; the same conditional-exact estimate/limits solved to 1e-13 on the
#                    log scale with fisher.test's own d/p/mnhyper definitions; Woolf logit formula
#   strata           mantelhaen.test(correct = TRUE/FALSE) statistic, p, common OR and RBG
#                    interval; Mantel-Haenszel risk difference with Sato (1989) variance written
#                    from the formula
options(warn = 1)
dir <- "src/test/resources/golden/orr"
stopifnot(dir.exists(dir))

num <- function(v) {
  out <- formatC(v, digits = 17, format = "g")
  out[is.na(v)] <- "NA"
  out[is.infinite(v) & v > 0] <- "Inf"
  out <- trimws(out)
  out
}
write_golden <- function(df, name) {
  for (k in names(df)) if (is.numeric(df[[k]]) && !all(df[[k]] == round(df[[k]]), na.rm = TRUE)) df[[k]] <- num(df[[k]])
  write.csv(df, file.path(dir, name), row.names = FALSE, quote = FALSE)
  cat("wrote", name, nrow(df), "rows\n")
}

levels <- c(0.80, 0.90, 0.95, 0.99)
TOL <- 1e-15

# ---------------------------------------------------------------- single-proportion grid
grid <- NULL
for (n in 1:30) grid <- rbind(grid, data.frame(x = 0:n, n = n))
for (n in c(40, 50, 57, 75, 100, 150, 200, 333, 500, 750, 1000)) {
  xs <- sort(unique(c(0, 1, 2, 3, round(n * c(0.05, 0.1, 0.25, 0.44, 0.5, 0.73, 0.9)), n - 2, n - 1, n)))
  grid <- rbind(grid, data.frame(x = xs, n = n))
}

midp <- function(x, n, conf) {
  a2 <- (1 - conf) / 2
  lo <- if (x == 0) 0 else uniroot(function(p) pbinom(x, n, p, lower.tail = FALSE) + 0.5 * dbinom(x, n, p) - a2,
                                   c(0, 1), tol = TOL)$root
  hi <- if (x == n) 1 else uniroot(function(p) pbinom(x - 1, n, p) + 0.5 * dbinom(x, n, p) - a2,
                                   c(0, 1), tol = TOL)$root
  c(lo, hi)
}

# Blaker acceptability from the whole distribution: P(min tail of X <= min tail of x).
blaker_accept <- function(x, n, p) {
  d <- dbinom(0:n, n, p)
  lowt <- pbinom(0:n, n, p)                       # P(X <= j)
  upt <- pbinom((0:n) - 1, n, p, lower.tail = FALSE)  # P(X >= j)
  tj <- pmin(lowt, upt)
  tx <- tj[x + 1] * (1 + 1e-7)
  min(1, sum(d[tj <= tx]))
}
blaker_lower <- function(x, n, conf, grid = 400) {
  if (x == 0) return(0)
  alpha <- 1 - conf
  cp <- qbeta(alpha / 2, x, n - x + 1)
  if (blaker_accept(x, n, cp) > alpha) return(cp)
  g <- cp + (x / n - cp) * (1:grid) / grid
  prev <- cp
  for (q in g) {
    if (blaker_accept(x, n, q) > alpha) {
      lo <- prev; hi <- q
      while (hi - lo > 1e-15) {
        mid <- (lo + hi) / 2
        if (mid <= lo || mid >= hi) break
        if (blaker_accept(x, n, mid) > alpha) hi <- mid else lo <- mid
      }
      return((lo + hi) / 2)
    }
    prev <- q
  }
  x / n
}
blaker <- function(x, n, conf) c(blaker_lower(x, n, conf), 1 - blaker_lower(n - x, n, conf))

# Blaker's own S code (Blaker 2000, appendix): stepping by 1e-4 from the Clopper-Pearson limits.
acceptbin <- function(x, n, p) {
  p1 <- 1 - pbinom(x - 1, n, p)
  p2 <- pbinom(x, n, p)
  a1 <- p1 + pbinom(qbinom(p1, n, p) - 1, n, p)
  a2 <- p2 + 1 - pbinom(qbinom(1 - p2, n, p), n, p)
  min(a1, a2)
}
acceptinterval <- function(x, n, level, tolerance = 1e-04) {
  lower <- 0; upper <- 1
  if (x) {
    lower <- qbeta((1 - level) / 2, x, n - x + 1)
    while (acceptbin(x, n, lower) < 1 - level) lower <- lower + tolerance
  }
  if (x != n) {
    upper <- qbeta(1 - (1 - level) / 2, x + 1, n - x)
    while (acceptbin(x, n, upper) < 1 - level) upper <- upper - tolerance
  }
  c(lower, upper)
}

rows <- list()
blaker_check <- 0
for (conf in levels) {
  z <- qnorm(1 - (1 - conf) / 2)
  for (i in seq_len(nrow(grid))) {
    x <- grid$x[i]; n <- grid$n[i]; p <- x / n
    add <- function(method, ci) rows[[length(rows) + 1]] <<- data.frame(method = method, x = x, n = n, conf_level = conf, lower = ci[1], upper = ci[2])
    add("clopper-pearson", binom.test(x, n, conf.level = conf)$conf.int)
    add("wilson", suppressWarnings(prop.test(x, n, conf.level = conf, correct = FALSE))$conf.int)
    pfar <- if (x >= n / 2) 1e-9 else 1 - 1e-9
    add("wilson-cc", suppressWarnings(prop.test(x, n, p = pfar, conf.level = conf, correct = TRUE))$conf.int)
    add("jeffreys", c(if (x == 0) 0 else qbeta((1 - conf) / 2, x + 0.5, n - x + 0.5),
                      if (x == n) 1 else qbeta((1 + conf) / 2, x + 0.5, n - x + 0.5)))
    nt <- n + z^2; pt <- (x + z^2 / 2) / nt; h <- z * sqrt(pt * (1 - pt) / nt)
    add("agresti-coull", c(max(0, pt - h), min(1, pt + h)))
    h <- z * sqrt(p * (1 - p) / n)
    add("wald", c(max(0, p - h), min(1, p + h)))
    add("mid-p", midp(x, n, conf))
    b <- blaker(x, n, conf)
    if (n <= 30 || n == 57) {
      ref <- acceptinterval(x, n, conf)
      # Blaker's stepping rejects until acceptability >= 1 - level, so it overshoots by < 1e-4.
      stopifnot(abs(b - ref) < 1.01e-4)
      blaker_check <- blaker_check + 1
    }
    add("blaker", b)
  }
}
binom <- do.call(rbind, rows)
cat("blaker cross-checked against Blaker's own code:", blaker_check, "cases\n")
write_golden(binom, "binom_ci.csv")

# ---------------------------------------------------------------- exact binomial test
rows <- list()
for (p0 in c(0.05, 0.1, 0.2, 0.3, 0.5, 0.7)) {
  for (i in seq_len(nrow(grid))) {
    x <- grid$x[i]; n <- grid$n[i]
    rows[[length(rows) + 1]] <- data.frame(
      x = x, n = n, p0 = p0,
      p_greater = binom.test(x, n, p0, alternative = "greater")$p.value,
      p_two_sided = binom.test(x, n, p0)$p.value)
  }
}
write_golden(do.call(rbind, rows), "binom_test.csv")

# ---------------------------------------------------------------- two arms
# Restricted MLE of (p1, p2) under p1 - p2 = delta: root of the constrained score in p2.
rmle <- function(x1, n1, x2, n2, delta) {
  lo <- max(0, -delta); hi <- min(1, 1 - delta)
  score <- function(q2) {
    q1 <- q2 + delta
    s <- 0
    if (x1 > 0) s <- s + x1 / q1
    if (n1 - x1 > 0) s <- s - (n1 - x1) / (1 - q1)
    if (x2 > 0) s <- s + x2 / q2
    if (n2 - x2 > 0) s <- s - (n2 - x2) / (1 - q2)
    s
  }
  eps <- 1e-13
  slo <- score(lo + eps); shi <- score(hi - eps)
  q2 <- if (slo <= 0) lo else if (shi >= 0) hi else uniroot(score, c(lo + eps, hi - eps), tol = 1e-16)$root
  c(q2 + delta, q2)
}
mn_score <- function(x1, n1, x2, n2, delta) {
  d <- x1 / n1 - x2 / n2
  if (d == delta) return(0)
  r <- rmle(x1, n1, x2, n2, delta)
  N <- n1 + n2
  v <- (r[1] * (1 - r[1]) / n1 + r[2] * (1 - r[2]) / n2) * N / (N - 1)
  if (v <= 0) return(sign(d - delta) * Inf)
  (d - delta) / sqrt(v)
}
mn_ci <- function(x1, n1, x2, n2, conf) {
  z <- qnorm(1 - (1 - conf) / 2)
  d <- x1 / n1 - x2 / n2
  e <- 1e-13
  lo <- if (d <= -1 || mn_score(x1, n1, x2, n2, -1 + e) <= z) -1 else
    uniroot(function(t) mn_score(x1, n1, x2, n2, t) - z, c(-1 + e, d), tol = TOL)$root
  hi <- if (d >= 1 || mn_score(x1, n1, x2, n2, 1 - e) >= -z) 1 else
    uniroot(function(t) mn_score(x1, n1, x2, n2, t) + z, c(d, 1 - e), tol = TOL)$root
  c(lo, hi)
}
wilson_ci <- function(x, n, conf) suppressWarnings(prop.test(x, n, conf.level = conf, correct = FALSE))$conf.int
newcombe_ci <- function(x1, n1, x2, n2, conf) {
  p1 <- x1 / n1; p2 <- x2 / n2; w1 <- wilson_ci(x1, n1, conf); w2 <- wilson_ci(x2, n2, conf)
  c(p1 - p2 - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), p1 - p2 + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
# fisher.test's conditional distribution (stats/R/fisher.test.R), solved precisely on log scale.
exact_or <- function(x1, n1, x2, n2, conf) {
  m <- x1 + x2; n <- n1 + n2 - m; k <- n1; x <- x1
  lo <- max(0L, k - n); hi <- min(k, m)
  support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  dnhyper <- function(lncp) { d <- logdc + lncp * support; d <- exp(d - max(d)); d / sum(d) }
  mnhyper <- function(lncp) sum(support * dnhyper(lncp))
  ptail <- function(q, lncp, upper) { d <- dnhyper(lncp); if (upper) sum(d[support >= q]) else sum(d[support <= q]) }
  alpha <- (1 - conf) / 2
  solve <- function(f) { a <- -1; b <- 1
    while (f(a) > 0 && a > -745) a <- 2 * a
    while (f(b) < 0 && b < 745) b <- 2 * b
    uniroot(f, c(a, b), tol = 1e-13)$root }
  est <- if (x == lo) 0 else if (x == hi) Inf else exp(solve(function(t) mnhyper(t) - x))
  L <- if (x == lo) 0 else exp(solve(function(t) ptail(x, t, TRUE) - alpha))
  U <- if (x == hi) Inf else exp(solve(function(t) alpha - ptail(x, t, FALSE)))
  c(est, L, U)
}
woolf <- function(x1, n1, x2, n2, conf) {
  t <- c(x1, n1 - x1, x2, n2 - x2)
  if (any(t == 0)) t <- t + 0.5
  lor <- log(t[1] * t[4] / (t[2] * t[3])); se <- sqrt(sum(1 / t)); z <- qnorm(1 - (1 - conf) / 2)
  exp(c(lor, lor - z * se, lor + z * se))
}

set.seed(20261126)
pairs <- list()
ns <- c(1, 2, 3, 5, 8, 13, 24, 26, 40, 57, 100, 250)
for (n1 in ns) for (n2 in ns) {
  xs1 <- unique(c(0, n1, sample(0:n1, min(n1 + 1, 3))))
  xs2 <- unique(c(0, n2, sample(0:n2, min(n2 + 1, 3))))
  for (x1 in xs1) for (x2 in xs2) pairs[[length(pairs) + 1]] <- c(x1, n1, x2, n2)
}
pairs[[length(pairs) + 1]] <- c(11, 26, 7, 24)
pairs[[length(pairs) + 1]] <- c(25, 57, 12, 58)
rows <- list()
for (conf in c(0.90, 0.95)) {
  for (pr in pairs) {
    x1 <- pr[1]; n1 <- pr[2]; x2 <- pr[3]; n2 <- pr[4]
    wald <- if ((x1 == 0 && x2 == 0) || (x1 == n1 && x2 == n2)) c(0, 0) else
      suppressWarnings(prop.test(c(x1, x2), c(n1, n2), conf.level = conf, correct = FALSE))$conf.int
    nc <- newcombe_ci(x1, n1, x2, n2, conf)
    mn <- mn_ci(x1, n1, x2, n2, conf)
    ft <- fisher.test(matrix(c(x1, x2, n1 - x1, n2 - x2), 2), conf.level = conf)
    eo <- exact_or(x1, n1, x2, n2, conf)
    wo <- woolf(x1, n1, x2, n2, conf)
    rows[[length(rows) + 1]] <- data.frame(
      x1 = x1, n1 = n1, x2 = x2, n2 = n2, conf_level = conf,
      diff = x1 / n1 - x2 / n2,
      wald_lower = wald[1], wald_upper = wald[2],
      newcombe_lower = nc[1], newcombe_upper = nc[2],
      mn_lower = mn[1], mn_upper = mn[2],
      fisher_p = ft$p.value,
      fisher_or = unname(ft$estimate), fisher_or_lower = ft$conf.int[1], fisher_or_upper = ft$conf.int[2],
      exact_or = eo[1], exact_or_lower = eo[2], exact_or_upper = eo[3],
      woolf_or = wo[1], woolf_lower = wo[2], woolf_upper = wo[3])
  }
}
write_golden(do.call(rbind, rows), "two_arm.csv")

# ---------------------------------------------------------------- stratified
sato <- function(tab, conf) {
  x1 <- tab[, 1]; n1 <- tab[, 2]; x2 <- tab[, 3]; n2 <- tab[, 4]; N <- n1 + n2
  w <- n1 * n2 / N
  d <- sum(w * (x1 / n1 - x2 / n2)) / sum(w)
  P <- (n1^2 * x2 - n2^2 * x1 + n1 * n2 * (n2 - n1) / 2) / N^2
  Q <- (x1 * (n2 - x2) + x2 * (n1 - x1)) / (2 * N)
  v <- (d * sum(P) + sum(Q)) / sum(w)^2
  z <- qnorm(1 - (1 - conf) / 2)
  c(d, d - z * sqrt(v), d + z * sqrt(v))
}
rows <- list()
for (id in 1:60) {
  K <- sample(2:6, 1)
  n1 <- sample(3:60, K, replace = TRUE); n2 <- sample(3:60, K, replace = TRUE)
  p1 <- runif(1, 0.1, 0.7); p2 <- runif(1, 0.1, 0.7)
  x1 <- rbinom(K, n1, p1); x2 <- rbinom(K, n2, p2)
  tab <- cbind(x1, n1, x2, n2)
  arr <- array(0, c(2, 2, K))
  for (h in 1:K) arr[, , h] <- matrix(c(x1[h], x2[h], n1[h] - x1[h], n2[h] - x2[h]), 2)
  conf <- if (id %% 2 == 0) 0.95 else 0.90
  m0 <- mantelhaen.test(arr, correct = FALSE, conf.level = conf)
  m1 <- mantelhaen.test(arr, correct = TRUE, conf.level = conf)
  rd <- sato(tab, conf)
  rows[[length(rows) + 1]] <- data.frame(
    id = id, conf_level = conf,
    tables = paste(apply(tab, 1, paste, collapse = "/"), collapse = ";"),
    cmh = unname(m0$statistic), cmh_p = m0$p.value,
    cmh_yates = unname(m1$statistic), cmh_yates_p = m1$p.value,
    mh_or = unname(m0$estimate), mh_or_lower = m0$conf.int[1], mh_or_upper = m0$conf.int[2],
    mh_rd = rd[1], mh_rd_lower = rd[2], mh_rd_upper = rd[3])
}
write_golden(do.call(rbind, rows), "strata.csv")

# ---------------------------------------------------------------- CLI end-to-end reference
# subjects.csv (ADRS-like, one CBOR row per subject plus BOR rows) and adsl.csv (ITTFL, ARM, SEX):
# trialstats orr --data subjects.csv --adsl adsl.csv --where PARAMCD=CBOR --where ITTFL=Y
#   --by ARM --ref Control --strata SEX [--responder-values CR,PR,SD]
# ADSL subjects with no CBOR row count as non-responders (missing response).
subj <- read.csv(file.path(dir, "subjects.csv"), na.strings = c("NA", ""), stringsAsFactors = FALSE)
adsl <- read.csv(file.path(dir, "adsl.csv"), stringsAsFactors = FALSE)
itt <- adsl[adsl$ITTFL == "Y", ]
m <- merge(itt, subj[subj$PARAMCD == "CBOR", ], by = "USUBJID", all.x = TRUE)
rows <- list()
addrow <- function(group, term, method, est = NA, lo = NA, hi = NA, p = NA, stat = NA, n = NA, ev = NA, codes)
  rows[[length(rows) + 1]] <<- data.frame(codes = gsub(",", ";", codes), group = group, term = term, method = method,
    estimate = est, conf_low = lo, conf_high = hi, p_value = p, statistic = stat, n = n, events = ev)
for (codes in c("CR,PR", "CR,PR,SD")) {
  m$resp <- !is.na(m$AVALC) & m$AVALC %in% strsplit(codes, ",")[[1]]
  cnt <- function(arm) c(sum(m$resp[m$ARM == arm]), sum(m$ARM == arm))
  a <- cnt("Active"); b <- cnt("Control")
  for (arm in c("Active", "Control")) {
    k <- cnt(arm)
    ci <- binom.test(k[1], k[2])$conf.int
    addrow(arm, "orr", "clopper-pearson", k[1] / k[2], ci[1], ci[2], n = k[2], ev = k[1], codes = codes)
    bt <- binom.test(k[1], k[2], p = 0.2, alternative = "greater")
    addrow(arm, "binom_test", "exact-binomial-one-sided", p = bt$p.value, n = k[2], ev = k[1], codes = codes)
    addrow(arm, "binom_test", "exact-binomial-two-sided", p = binom.test(k[1], k[2], p = 0.2)$p.value, n = k[2], ev = k[1], codes = codes)
  }
  g <- "Active vs Control"; N <- a[2] + b[2]; E <- a[1] + b[1]
  d <- a[1] / a[2] - b[1] / b[2]
  w <- prop.test(c(a[1], b[1]), c(a[2], b[2]), correct = FALSE)$conf.int
  addrow(g, "difference", "wald", d, w[1], w[2], n = N, ev = E, codes = codes)
  nc <- newcombe_ci(a[1], a[2], b[1], b[2], 0.95)
  addrow(g, "difference", "newcombe", d, nc[1], nc[2], n = N, ev = E, codes = codes)
  mn <- mn_ci(a[1], a[2], b[1], b[2], 0.95)
  addrow(g, "difference", "miettinen-nurminen", d, mn[1], mn[2], n = N, ev = E, codes = codes)
  eo <- exact_or(a[1], a[2], b[1], b[2], 0.95)
  addrow(g, "odds_ratio", "conditional-exact", eo[1], eo[2], eo[3], n = N, ev = E, codes = codes)
  wo <- woolf(a[1], a[2], b[1], b[2], 0.95)
  addrow(g, "odds_ratio", "woolf", wo[1], wo[2], wo[3], n = N, ev = E, codes = codes)
  tab2 <- table(factor(m$ARM, c("Active", "Control")), factor(m$resp, c(TRUE, FALSE)))
  addrow(g, "fisher", "fisher-exact", p = fisher.test(tab2)$p.value, n = N, ev = E, codes = codes)
  tab3 <- table(factor(m$ARM, c("Active", "Control")), factor(m$resp, c(TRUE, FALSE)), m$SEX)
  h0 <- mantelhaen.test(tab3, correct = FALSE); h1 <- mantelhaen.test(tab3, correct = TRUE)
  addrow(g, "cmh", "cmh", p = h0$p.value, stat = unname(h0$statistic), n = N, ev = E, codes = codes)
  addrow(g, "cmh", "cmh-yates", p = h1$p.value, stat = unname(h1$statistic), n = N, ev = E, codes = codes)
  addrow(g, "odds_ratio", "mantel-haenszel-rbg", unname(h0$estimate), h0$conf.int[1], h0$conf.int[2], n = N, ev = E, codes = codes)
  st <- do.call(rbind, lapply(sort(unique(m$SEX)), function(s) {
    mm <- m[m$SEX == s, ]
    c(sum(mm$resp[mm$ARM == "Active"]), sum(mm$ARM == "Active"), sum(mm$resp[mm$ARM == "Control"]), sum(mm$ARM == "Control"))
  }))
  rd <- sato(st, 0.95)
  addrow(g, "difference", "mantel-haenszel-sato", rd[1], rd[2], rd[3], n = N, ev = E, codes = codes)
}
write_golden(do.call(rbind, rows), "cli_expected.csv")
