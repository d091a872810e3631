# Golden reference values for trialstats tgi / ic50, computed with base R only
# (t.test, wilcox.test, lm, binom.test, p.adjust, nls). Run from the project root:
#   Rscript src/test/resources/golden/preclinical/generate.R
# Writes, beside this script:
#   tgi_default.csv  xenograft.csv at the default day (last day with every control animal)
#   tgi_day21.csv    xenograft.csv at day 21 with --log-floor 1 --cr-threshold 30 --adjust BH
#   tgi_compare.csv  default day with --compare Combo:DrugA --compare Combo:DrugB
#   tgi_pairs_all_day21.csv  as tgi_day21.csv with --pairs all
#   wilcox_cases.csv wilcox.test(x, y) on small/tied/large samples (exact and normal+cc paths)
#   ic50.csv         (extra column std_error: the nls standard error) 4PL fits (nls) of DNase Run 1, dose_response.csv per compound, and a
#                    fixed bottom/top fit
# Row layout follows the trialstats tidy contract: group, term, time, estimate, conf_low,
# conf_high, p_value, statistic, df, n, events, method.
options(digits = 17)
here <- "src/test/resources/golden/preclinical"
fmt <- function(df) {
  for (j in seq_along(df)) if (is.numeric(df[[j]])) df[[j]] <- ifelse(is.na(df[[j]]), "", sprintf("%.17g", df[[j]]))
  df
}
row <- function(group, term, time = NA, estimate = NA, conf_low = NA, conf_high = NA,
                p_value = NA, statistic = NA, df = NA, n = NA, events = NA, method = "")
  data.frame(group = group, term = term, time = time, estimate = estimate, conf_low = conf_low,
             conf_high = conf_high, p_value = p_value, statistic = statistic, df = df, n = n,
             events = events, method = method, stringsAsFactors = FALSE)

xen <- read.csv("datasets/preclinical/xenograft.csv", stringsAsFactors = FALSE)
groups <- unique(xen$group)
control <- "Vehicle"

tgi <- function(day = NULL, floor = NA, cr = NA, adjust = "holm", pairs = list()) {
  base_day <- min(xen$day)
  base <- xen[xen$day == base_day, ]
  if (is.null(day)) {
    ctrl_ids <- base$animal[base$group == control]
    ok <- sapply(sort(unique(xen$day)), function(d)
      all(ctrl_ids %in% xen$animal[xen$day == d]))
    day <- max(sort(unique(xen$day))[ok])
  }
  lg <- function(v) if (is.na(floor)) log(v) else log(pmax(v, floor))
  out <- list()
  # per group and day summaries
  for (g in groups) for (d in sort(unique(xen$day))) {
    v <- xen$volume[xen$group == g & xen$day == d]
    if (length(v) == 0) next
    out[[length(out) + 1]] <- row(g, "mean", d, mean(v), n = length(v), method = "arithmetic-mean")
    out[[length(out) + 1]] <- row(g, "sem", d, if (length(v) > 1) sd(v) / sqrt(length(v)) else NA,
                                  n = length(v), method = "sd/sqrt(n)")
    out[[length(out) + 1]] <- row(g, "median", d, median(v), n = length(v), method = "median")
  }
  at <- xen[xen$day == day, ]
  m <- merge(at, base[, c("animal", "volume")], by = "animal", suffixes = c("", ".base"))
  m$change <- m$volume - m$volume.base
  m$rtv <- m$volume / m$volume.base
  m$lrtv <- lg(m$volume) - lg(m$volume.base)
  dC <- mean(m$change[m$group == control])
  mC <- mean(m$volume[m$group == control])
  slopes <- list()
  for (g in groups) {
    mg <- m[m$group == g, ]
    n <- nrow(mg)
    out[[length(out) + 1]] <- row(g, "delta_mean", day, mean(mg$change), n = n,
                                  method = "mean-change-from-baseline")
    out[[length(out) + 1]] <- row(g, "rtv_mean", day, mean(mg$rtv), n = n,
                                  method = "mean-relative-volume")
    cr_flag <- mg$volume <= 0 | (!is.na(cr) & mg$volume < cr)
    pr_flag <- mg$volume < mg$volume.base & !cr_flag
    for (k in list(list("partial_regression", pr_flag), list("complete_regression", cr_flag))) {
      x <- sum(k[[2]])
      b <- binom.test(x, n)
      out[[length(out) + 1]] <- row(g, k[[1]], day, x / n, b$conf.int[1], b$conf.int[2],
                                    n = n, events = x, method = "clopper-pearson")
    }
    if (g != control) {
      out[[length(out) + 1]] <- row(g, "tgi", day, 1 - mean(mg$change) / dC, n = n,
                                    method = "tgi-mean-change")
      out[[length(out) + 1]] <- row(g, "t_over_c", day, mean(mg$volume) / mC, n = n,
                                    method = "tc-ratio-means")
    }
    # per-animal log-linear slopes on days base_day..day
    ids <- unique(xen$animal[xen$group == g])
    s <- sapply(ids, function(a) {
      w <- xen[xen$animal == a & xen$day >= base_day & xen$day <= day, ]
      if (nrow(w) < 2) return(NA)
      coef(lm(lg(w$volume) ~ w$day))[2]
    })
    slopes[[g]] <- s[!is.na(s)]
    tt <- t.test(slopes[[g]])
    out[[length(out) + 1]] <- row(g, "growth_rate", day, mean(slopes[[g]]), tt$conf.int[1],
                                  tt$conf.int[2], n = length(slopes[[g]]), method = "log-linear-slope")
  }
  comps <- list()
  # treated vs control, then the extra pairs c(A, B) (A - B); one p.adjust family per test
  vs <- c(lapply(setdiff(groups, control), function(g) c(g, control)), pairs)
  for (pr in vs) {
    g <- pr[1]; ref <- pr[2]
    lab <- paste(g, "vs", ref)
    x <- m$lrtv[m$group == g]; y <- m$lrtv[m$group == ref]
    w <- t.test(x, y)
    comps[[length(comps) + 1]] <- row(lab, "log_rtv", day, w$estimate[1] - w$estimate[2],
      w$conf.int[1], w$conf.int[2], w$p.value, w$statistic, w$parameter,
      n = length(x) + length(y), method = "welch-t")
    xr <- m$rtv[m$group == g]; yr <- m$rtv[m$group == ref]
    mw <- suppressWarnings(wilcox.test(xr, yr))
    exact <- grepl("exact", mw$method)
    comps[[length(comps) + 1]] <- row(lab, "rtv", day, p_value = mw$p.value,
      statistic = mw$statistic, n = length(xr) + length(yr),
      method = if (exact) "wilcoxon-exact" else "wilcoxon-normal-cc")
    sl <- t.test(slopes[[g]], slopes[[ref]])
    comps[[length(comps) + 1]] <- row(lab, "growth_rate", day, sl$estimate[1] - sl$estimate[2],
      sl$conf.int[1], sl$conf.int[2], sl$p.value, sl$statistic, sl$parameter,
      n = length(slopes[[g]]) + length(slopes[[ref]]), method = "welch-t/log-linear-slope")
  }
  comps <- do.call(rbind, comps)
  adj <- list()
  for (meth in unique(sub("wilcoxon-.*", "wilcoxon", comps$method))) {
    sel <- sub("wilcoxon-.*", "wilcoxon", comps$method) == meth
    pa <- p.adjust(comps$p_value[sel], method = adjust)
    a <- comps[sel, ]
    a$estimate <- NA; a$conf_low <- NA; a$conf_high <- NA; a$statistic <- NA; a$df <- NA
    a$p_value <- pa
    a$method <- paste0(a$method, "/", adjust)
    adj[[length(adj) + 1]] <- a
  }
  rbind(do.call(rbind, out), comps, do.call(rbind, adj))
}
write.csv(fmt(tgi()), file.path(here, "tgi_default.csv"), row.names = FALSE, na = "")
write.csv(fmt(tgi(day = 21, floor = 1, cr = 30, adjust = "BH")), file.path(here, "tgi_day21.csv"),
          row.names = FALSE, na = "")
# --compare Combo:DrugA --compare Combo:DrugB (default day, holm)
write.csv(fmt(tgi(pairs = list(c("Combo", "DrugA"), c("Combo", "DrugB")))),
          file.path(here, "tgi_compare.csv"), row.names = FALSE, na = "")
# --pairs all: each treated group minus every earlier treated group (day 21, floor 1, BH)
treated <- setdiff(groups, control)
allp <- list()
for (j in seq_along(treated)) for (i in seq_len(j - 1)) allp[[length(allp) + 1]] <- c(treated[j], treated[i])
write.csv(fmt(tgi(day = 21, floor = 1, cr = 30, adjust = "BH", pairs = allp)),
          file.path(here, "tgi_pairs_all_day21.csv"), row.names = FALSE, na = "")

## wilcox.test cases (x and y as ';'-separated lists)
set.seed(11)
cases <- list(
  list("small-exact", c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30),
       c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)),
  list("exact-4v5", c(0.8, 0.83, 1.89, 1.04), c(1.15, 0.88, 0.9, 0.74, 1.21)),
  list("extreme-exact", c(1, 2, 3), c(4, 5, 6, 7)),
  list("ties-normal", c(1, 2, 2, 3, 4, 5), c(2, 3, 3, 6, 7, 8, 9)),
  list("large-normal", round(rnorm(55, 0.3), 6), round(rnorm(60), 6)),
  list("zeros-ties", c(0, 0, 0.5, 0.7), c(0.9, 1.1, 1.3, 0.4, 1.0)))
wc <- do.call(rbind, lapply(cases, function(k) {
  w <- suppressWarnings(wilcox.test(k[[2]], k[[3]]))
  data.frame(case = k[[1]], x = paste(k[[2]], collapse = ";"), y = paste(k[[3]], collapse = ";"),
             statistic = w$statistic, p_value = w$p.value,
             exact = as.integer(grepl("exact", w$method)))
}))
write.csv(fmt(wc), file.path(here, "wilcox_cases.csv"), row.names = FALSE)

## 4PL fits: y = bottom + (top - bottom) / (1 + 10^((logIC50 - log10 x) * hill))
ctl <- nls.control(maxiter = 200, tol = 1e-8, minFactor = 1e-12, warnOnly = TRUE)
fit4 <- function(label, x, y, bottom = NA, top = NA) {
  s <- coef(nls(y ~ SSfpl(log(x), A, B, xmid, scal)))
  # SSfpl's A is the low-concentration asymptote; trialstats reports bottom < top and puts the
  # direction in the sign of hill (the two labellings are the same curve).
  start <- if (s[["A"]] <= s[["B"]])
    list(bottom = s[["A"]], top = s[["B"]], logic50 = s[["xmid"]] / log(10), hill = 1 / s[["scal"]])
  else
    list(bottom = s[["B"]], top = s[["A"]], logic50 = s[["xmid"]] / log(10), hill = -1 / s[["scal"]])
  # Analytic gradient (deriv) so that nls converges to full precision.
  expr <- quote(bottom + (top - bottom) / (1 + 10^((logic50 - log10(x)) * hill)))
  fixed <- list()
  if (!is.na(bottom)) fixed$bottom <- bottom
  if (!is.na(top)) fixed$top <- top
  expr <- do.call(substitute, list(expr, fixed))
  pars <- setdiff(c("bottom", "top", "logic50", "hill"), names(fixed))
  fn <- deriv(expr, pars, function.arg = c("x", pars))
  environment(fn) <- environment()
  f <- as.formula(paste0("y ~ fn(x, ", paste(pars, collapse = ", "), ")"))
  fit <- suppressWarnings(nls(f, start = start[pars], control = ctl))
  # Gauss-Newton stalls at a relative offset near 1e-8 (rounding); 1e-7 is far inside the
  # precision the tests need (parameters move by ~offset x SE).
  if (fit$convInfo$finTol > 1e-7) stop(label, ": nls did not converge")
  cf <- summary(fit)$coefficients
  df <- df.residual(fit)
  q <- qt(0.975, df)
  rss <- sum(residuals(fit)^2)
  out <- list()
  li <- cf["logic50", ]
  out[[1]] <- row(label, "ic50", estimate = 10^li[1], conf_low = 10^(li[1] - q * li[2]),
                  conf_high = 10^(li[1] + q * li[2]), df = df, n = length(y), method = "4pl-lm/wald-t")
  out[[2]] <- row(label, "log10_ic50", estimate = li[1], conf_low = li[1] - q * li[2],
                  conf_high = li[1] + q * li[2], df = df, n = length(y),
                  method = "4pl-lm/wald-t")
  out[[2]]$std_error <- li[2]
  for (p in c("bottom", "top", "hill")) {
    if (p %in% rownames(cf)) {
      r <- row(label, p, estimate = cf[p, 1], conf_low = cf[p, 1] - q * cf[p, 2],
        conf_high = cf[p, 1] + q * cf[p, 2], df = df, n = length(y),
        method = "4pl-lm/wald-t")
      r$std_error <- cf[p, 2]
      out[[length(out) + 1]] <- r
    }
  }
  out[[length(out) + 1]] <- row(label, "residual_se", estimate = sqrt(rss / df), df = df,
                                n = length(y), method = "4pl-lm")
  out[[length(out) + 1]] <- row(label, "r_squared", estimate = 1 - rss / sum((y - mean(y))^2),
                                n = length(y), method = "4pl-lm")
  do.call(rbind, lapply(out, function(r) { if (is.null(r$std_error)) r$std_error <- NA; r }))
}
dn <- read.csv("datasets/preclinical/dnase1.csv")
dr <- read.csv("datasets/preclinical/dose_response.csv", stringsAsFactors = FALSE)
c1 <- dr[dr$compound == "CMPD-1", ]
c2 <- dr[dr$compound == "CMPD-2", ]
ic <- rbind(
  fit4("DNase1", dn$conc, dn$density),
  fit4("CMPD-1", c1$conc, c1$response),
  fit4("CMPD-2", c2$conc, c2$response),
  fit4("CMPD-1 fixed 0-100", c1$conc, c1$response, bottom = 0, top = 100),
  fit4("CMPD-2 fixed bottom 10", c2$conc, c2$response, bottom = 10))
write.csv(fmt(ic), file.path(here, "ic50.csv"), row.names = FALSE, na = "")

## Animal survival (the report's preclinical survival block on datasets/preclinical/survival.csv):
##   survival.csv  per group the KM median with its 95% CI (survfit, conf.type "log"); per treated
##                 group vs Vehicle the increase in median lifespan median(T)/median(C) - 1, the
##                 log-rank test (survdiff on the two groups) and its Holm-adjusted p (p.adjust).
suppressPackageStartupMessages(library(survival))
sv <- read.csv("datasets/preclinical/survival.csv", stringsAsFactors = FALSE)
sgroups <- unique(sv$group)
med <- function(g) {
  q <- quantile(survfit(Surv(day, event) ~ 1, data = sv[sv$group == g, ], conf.type = "log"), 0.5)
  c(q$quantile, q$lower, q$upper)
}
out <- list()
m0 <- med("Vehicle")
for (g in sgroups) {
  m <- med(g)
  d <- sv[sv$group == g, ]
  out[[length(out) + 1]] <- cbind(analysis = "ANIMAL_SURV:km",
    row(g, "median", estimate = m[1], conf_low = m[2], conf_high = m[3], n = nrow(d),
        events = sum(d$event), method = "brookmeyer-crowley/log (r rules)"))
}
treated <- setdiff(sgroups, "Vehicle")
p <- numeric(0)
lr <- list()
for (g in treated) {
  d <- sv[sv$group %in% c("Vehicle", g), ]
  s <- survdiff(Surv(day, event) ~ group, data = d)
  p[g] <- pchisq(s$chisq, 1, lower.tail = FALSE)
  vs <- paste(g, "vs Vehicle")
  out[[length(out) + 1]] <- cbind(analysis = "ANIMAL_SURV:km",
    row(vs, "ils", estimate = med(g)[1] / m0[1] - 1, n = nrow(d), events = sum(d$event),
        method = "median-ratio-minus-1"))
  out[[length(out) + 1]] <- cbind(analysis = "ANIMAL_SURV:logrank",
    row(vs, "logrank", p_value = p[g], statistic = s$chisq, df = 1, n = nrow(d),
        events = sum(d$event), method = "logrank"))
}
padj <- p.adjust(p, "holm")
for (g in treated) {
  d <- sv[sv$group %in% c("Vehicle", g), ]
  out[[length(out) + 1]] <- cbind(analysis = "ANIMAL_SURV:logrank",
    row(paste(g, "vs Vehicle"), "logrank", p_value = padj[[g]], n = nrow(d),
        events = sum(d$event), method = "logrank/holm"))
}
write.csv(fmt(do.call(rbind, out)), file.path(here, "survival.csv"), row.names = FALSE, na = "")
