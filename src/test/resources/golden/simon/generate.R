# Reference Simon (1989) optimal and minimax two-stage designs by exhaustive search in base R.
# Independent of the Java search: every (n, n1, r1, r) with n <= nmax is evaluated directly
# (no monotone pointer), with dbinom/pbinom from R's stats package.
# Run from the project root: Rscript src/test/resources/golden/simon/generate.R
simon_all <- function(p0, p1, alpha, beta, nmax = 100) {
  best <- NULL; mm <- NULL
  key_better <- function(a, b, minimax) {
    if (is.null(b)) return(TRUE)
    ka <- if (minimax) c(a$n, a$en0, a$n1, a$r1) else c(a$en0, a$n, a$n1, a$r1)
    kb <- if (minimax) c(b$n, b$en0, b$n1, b$r1) else c(b$en0, b$n, b$n1, b$r1)
    for (i in seq_along(ka)) {
      tol <- if ((minimax && i == 2) || (!minimax && i == 1)) 1e-12 else 0
      if (ka[i] < kb[i] - tol) return(TRUE)
      if (ka[i] > kb[i] + tol) return(FALSE)
    }
    FALSE
  }
  for (n in 2:nmax) for (n1 in 1:(n - 1)) {
    m <- n - n1
    x1 <- 0:n1
    rs <- 0:(n - 1)
    # T[i, j] = 1 when x1 = j - 1 > r1 = i - 1: rejection needs X1 > r1
    Tm <- outer(0:(n1 - 1), x1, function(r1, a) as.numeric(a > r1))
    rej <- function(p) {
      # M[x1 + 1, r + 1] = P(X1 = x1) * P(X2 > r - x1); reject[r1 + 1, r + 1] = sum over x1 > r1
      M <- outer(x1, rs, function(a, r) dbinom(a, n1, p) *
                   pbinom(r - a, m, p, lower.tail = FALSE))
      Tm %*% M
    }
    A <- rej(p0); P <- rej(p1)
    ok <- A <= alpha + 1e-12 & P >= 1 - beta - 1e-12 &
      outer(0:(n1 - 1), rs, function(r1, r) r >= r1)
    feas <- which(rowSums(ok) > 0)
    for (r1 in feas - 1) {
      j <- which(ok[r1 + 1, ])[1]  # every feasible r gives the same EN0; report the smallest
      pet0 <- pbinom(r1, n1, p0)
      d <- list(r1 = r1, n1 = n1, r = rs[j], n = n, en0 = n1 + (1 - pet0) * m, pet0 = pet0,
                alpha = A[r1 + 1, j], power = P[r1 + 1, j])
      if (key_better(d, best, FALSE)) best <- d
      if (key_better(d, mm, TRUE)) mm <- d
    }
  }
  list(optimal = best, minimax = mm)
}
grid <- expand.grid(pair = 1:7, ab = 1:2)
pairs <- rbind(c(.05, .20), c(.05, .25), c(.10, .30), c(.20, .40), c(.30, .50), c(.50, .70),
               c(.70, .90))
abs <- rbind(c(.05, .20), c(.10, .10))
rows <- list()
for (i in seq_len(nrow(grid))) {
  p <- pairs[grid$pair[i], ]; ab <- abs[grid$ab[i], ]
  res <- simon_all(p[1], p[2], ab[1], ab[2], 100)
  for (type in c("optimal", "minimax")) {
    d <- res[[type]]
    if (is.null(d)) next
    rows[[length(rows) + 1]] <- data.frame(p0 = p[1], p1 = p[2], alpha = ab[1], power = 1 - ab[2],
      nmax = 100, design = type, r1 = d$r1, n1 = d$n1, r = d$r, n = d$n,
      en0 = sprintf("%.15g", d$en0), pet0 = sprintf("%.15g", d$pet0),
      attained_alpha = sprintf("%.15g", d$alpha), attained_power = sprintf("%.15g", d$power))
  }
}
out <- do.call(rbind, rows)
write.csv(out, "src/test/resources/golden/simon/designs.csv", row.names = FALSE, quote = FALSE)
