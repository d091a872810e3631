# Golden references for trialstats cox: R survival::coxph (all three tie methods).
# Run from the project root:  Rscript src/test/resources/golden/cox/generate.R
# Writes, beside this script:
#   data_<case>.csv   time,status,stratum,x1..xp  (the design matrix coxph used, complete cases)
#   results.csv       one row per case x ties x coefficient: coef, se, loglik, tests, iter,
#                     R's "coefficient may be infinite" warning flag
#   logrank.csv       survdiff chi-square per case (identity: = coxph score test, ties="exact")
suppressPackageStartupMessages(library(survival))
out <- "src/test/resources/golden/cox"
ds <- "datasets/r-survival"
stopifnot(packageVersion("survival") >= "3.5")
num <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))

results <- list()
logrank <- list()

# One case: data frame with time, status (1 = event), optional stratum; rhs = covariate formula.
emit <- function(case, d, rhs, strata = NULL, lr_group = NULL) {
  d <- d[complete.cases(d[, all.vars(rhs), drop = FALSE]), , drop = FALSE]
  if (!is.null(strata)) d <- d[!is.na(d[[strata]]), , drop = FALSE]
  f <- as.formula(paste("Surv(time, status) ~", deparse(rhs[[2]]),
                        if (!is.null(strata)) paste0("+ strata(", strata, ")") else ""))
  X <- model.matrix(rhs, d)[, -1, drop = FALSE]
  st <- if (is.null(strata)) rep(0L, nrow(d)) else as.integer(factor(d[[strata]])) - 1L
  dat <- data.frame(time = d$time, status = d$status, stratum = st)
  for (j in seq_len(ncol(X))) dat[[paste0("x", j)]] <- X[, j]
  write.csv(data.frame(lapply(dat, num)), file.path(out, paste0("data_", case, ".csv")),
            row.names = FALSE, quote = FALSE)
  for (ties in c("efron", "breslow", "exact")) {
    warn <- character(0)
    fit <- withCallingHandlers(coxph(f, data = d, ties = ties),
      warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") })
    s <- summary(fit)
    inf <- grepl("infinite", warn)
    infvars <- integer(0)
    for (m in warn[inf]) infvars <- c(infvars, as.integer(strsplit(sub(".*variable +([0-9,]+).*", "\\1", m), ",")[[1]]))
    b <- coef(fit)
    se <- sqrt(diag(fit$var))
    for (j in seq_along(b)) {
      results[[length(results) + 1]] <<- data.frame(
        case = case, ties = ties, term = j, name = names(b)[j], coef = num(b[j]), se = num(se[j]),
        loglik0 = num(fit$loglik[1]), loglik = num(fit$loglik[2]),
        score = num(s$sctest[["test"]]), wald = num(fit$wald.test),
        lr = num(s$logtest[["test"]]), df = s$logtest[["df"]], n = fit$n, events = fit$nevent,
        iter = fit$iter, infinite = as.integer(j %in% infvars),
        converged = as.integer(!any(grepl("Ran out of iterations", warn))))
    }
  }
  if (!is.null(lr_group)) {
    g <- as.formula(paste("Surv(time, status) ~", lr_group,
                          if (!is.null(strata)) paste0("+ strata(", strata, ")") else ""))
    logrank[[length(logrank) + 1]] <<- data.frame(case = case, chisq = num(survdiff(g, data = d)$chisq))
  }
}

ovarian <- read.csv(file.path(ds, "ovarian.csv"))
ovarian$time <- ovarian$futime; ovarian$status <- ovarian$fustat; ovarian$rx <- factor(ovarian$rx)
emit("ovarian_rx", ovarian, ~ rx, lr_group = "rx")
emit("ovarian_rx_age", ovarian, ~ rx + age)

veteran <- read.csv(file.path(ds, "veteran.csv"))
veteran$trt <- factor(veteran$trt)
emit("veteran_trt", veteran, ~ trt, lr_group = "trt")
emit("veteran_full", veteran, ~ trt + celltype + karno)
emit("veteran_trt_strata", veteran, ~ trt + karno, strata = "celltype")

lung <- read.csv(file.path(ds, "lung.csv"))
lung$status <- lung$status - 1; lung$sex <- factor(lung$sex)
emit("lung_sex_age", lung, ~ sex + age)
emit("lung_sex_strata", lung, ~ sex, strata = "ph.ecog", lr_group = "sex")
emit("lung_sex_ecog", lung, ~ sex + ph.ecog)  # ph.ecog has a missing value: complete cases

colon <- read.csv(file.path(ds, "colon.csv"))
colon <- colon[colon$etype == 2, ]
colon$rx <- factor(colon$rx, levels = c("Obs", "Lev", "Lev+5FU"))
emit("colon_rx", colon, ~ rx, lr_group = "rx")
emit("colon_rx_strata", colon, ~ rx + age, strata = "sex")

aml <- read.csv(file.path(ds, "aml.csv"))
aml$x <- factor(aml$x, levels = c("Maintained", "Nonmaintained"))
emit("aml_x", aml, ~ x, lr_group = "x")

# Seeded random data.
set.seed(20261126)
n <- 200
d <- data.frame(time = sample(1:10, n, TRUE), status = rbinom(n, 1, 0.8),
                arm = factor(sample(c("A", "B"), n, TRUE)), z = round(rnorm(n), 2))
emit("rand_heavy_ties", d, ~ arm + z)
emit("rand_heavy_ties_trt", d, ~ arm, lr_group = "arm")

d <- data.frame(time = c(3, 5, 5, 8, 9, 12, 12, 15), status = c(1, 1, 1, 0, 1, 1, 0, 1),
                arm = factor(c("A", "B", "A", "B", "A", "B", "B", "A")))
emit("rand_small", d, ~ arm, lr_group = "arm")

n <- 300
d <- data.frame(time = round(rexp(n, 0.1), 1), status = rbinom(n, 1, 0.6),
                arm = factor(sample(c("A", "B", "C"), n, TRUE)), s = sample(1:3, n, TRUE))
emit("rand_strata_3arm", d, ~ arm, strata = "s", lr_group = "arm")

# Heavy censoring, continuous times, a numeric covariate.
n <- 150
d <- data.frame(time = rexp(n, 0.05), status = rbinom(n, 1, 0.25),
                arm = factor(sample(c("A", "B"), n, TRUE)), z = rnorm(n))
emit("rand_heavy_censoring", d, ~ arm + z)

# Monotone likelihood: arm C has no events (R warns "coefficient may be infinite").
n <- 90
d <- data.frame(time = sample(1:30, n, TRUE), status = rbinom(n, 1, 0.7),
                arm = factor(rep(c("A", "B", "C"), each = 30)))
d$status[d$arm == "C"] <- 0
emit("rand_no_events_arm", d, ~ arm)

# Complete separation with a numeric covariate: every event has z above every censored one.
d <- data.frame(time = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), status = c(1, 1, 1, 1, 1, 0, 0, 0, 0, 0),
                z = c(5, 4, 3, 2, 1, 0, -1, -2, -3, -4))
emit("rand_separation", d, ~ z)

write.csv(do.call(rbind, results), file.path(out, "results.csv"), row.names = FALSE)
write.csv(do.call(rbind, logrank), file.path(out, "logrank.csv"), row.names = FALSE)
cat("R", R.version$major, R.version$minor, "survival", format(packageVersion("survival")), "\n")
