# Reference values for the subgroup analyses (issue 5). Run from the project root:
#   Rscript src/test/resources/golden/subgroup/generate.R
# Writes the CSVs beside this script. R 4.2.2, survival 3.5-3, base stats only.
suppressPackageStartupMessages(library(survival))
out <- "src/test/resources/golden/subgroup"
w <- function(df, f) write.csv(df, file.path(out, f), row.names = FALSE)
ctl <- glm.control(epsilon = 1e-14, maxit = 200)

# ---- colon trial: etype 1 = recurrence; Lev+5FU vs Obs ----------------------------------------
colon <- read.csv("datasets/r-survival/colon.csv")
rec <- colon[colon$etype == 1, ]
rec$age65 <- factor(ifelse(rec$age >= 65, ">=65", "<65"), levels = c("<65", ">=65"))
two <- rec[rec$rx %in% c("Obs", "Lev+5FU"), ]
two$rx <- factor(two$rx, levels = c("Obs", "Lev+5FU"))
vars <- c("sex", "age65", "obstruct", "node4", "extent")
for (v in vars) two[[v]] <- factor(two[[v]])

# Cox within each level (Efron), KM medians per arm (log CI, R default), interaction LR test.
within <- list(); lr <- list(); med <- list()
all <- coxph(Surv(time, status) ~ rx, data = two)
within[[length(within) + 1]] <- data.frame(variable = "ALL", level = "ALL", n = all$n,
  events = all$nevent, hr = exp(coef(all)), conf_low = exp(confint(all))[1],
  conf_high = exp(confint(all))[2], p_wald = summary(all)$coefficients[, 5])
for (v in vars) {
  for (l in levels(two[[v]])) {
    s <- two[two[[v]] == l, ]
    f <- coxph(Surv(time, status) ~ rx, data = s)
    within[[length(within) + 1]] <- data.frame(variable = v, level = l, n = f$n,
      events = f$nevent, hr = exp(coef(f)), conf_low = exp(confint(f))[1],
      conf_high = exp(confint(f))[2], p_wald = summary(f)$coefficients[, 5])
    km <- survfit(Surv(time, status) ~ rx, data = s)
    q <- quantile(km, probs = 0.5)
    for (a in levels(two$rx)) {
      nm <- paste0("rx=", a)
      med[[length(med) + 1]] <- data.frame(variable = v, level = l, arm = a,
        n = sum(s$rx == a), events = sum(s$status[s$rx == a]),
        median = unname(q$quantile[nm, 1]), lower = unname(q$lower[nm, 1]),
        upper = unname(q$upper[nm, 1]))
    }
  }
  f0 <- coxph(as.formula(paste("Surv(time, status) ~ rx +", v)), data = two)
  f1 <- coxph(as.formula(paste("Surv(time, status) ~ rx *", v)), data = two)
  a <- anova(f0, f1)
  lr[[length(lr) + 1]] <- data.frame(dataset = "colon", endpoint = "tte", variable = v,
    loglik_main = f0$loglik[2], loglik_full = f1$loglik[2], statistic = a$Chisq[2],
    df = a$Df[2], p_value = a$`Pr(>|Chi|)`[2])
}
w(do.call(rbind, within), "colon_cox_within.csv")
w(do.call(rbind, med), "colon_km_medians.csv")

# ---- logistic regression (glm binomial) ---------------------------------------------------------
# Response endpoint derived from colon: status (recurrence yes/no) in etype 1, all three arms
# (tests more than two treatment levels) and two arms.
coefs <- list()
glmfit <- function(ds, data, v, yname = "y", arm = "arm") {
  f0 <- glm(as.formula(paste(yname, "~", arm, "+", v)), family = binomial, data = data, control = ctl)
  f1 <- glm(as.formula(paste(yname, "~", arm, "*", v)), family = binomial, data = data, control = ctl)
  a <- anova(f0, f1, test = "LRT")
  for (m in c("main", "full")) {
    f <- if (m == "main") f0 else f1
    cf <- summary(f)$coefficients
    coefs[[length(coefs) + 1]] <<- data.frame(dataset = ds, variable = v, model = m,
      index = seq_len(nrow(cf)) - 1, term = rownames(cf), estimate = cf[, 1], std_error = cf[, 2],
      loglik = as.numeric(logLik(f)))
  }
  lr[[length(lr) + 1]] <<- data.frame(dataset = ds, endpoint = "response", variable = v,
    loglik_main = as.numeric(logLik(f0)), loglik_full = as.numeric(logLik(f1)),
    statistic = a$Deviance[2], df = a$Df[2], p_value = a$`Pr(>Chi)`[2])
}
three <- rec
three$arm <- factor(three$rx, levels = c("Obs", "Lev", "Lev+5FU"))
three$y <- three$status
for (v in vars) three[[v]] <- factor(three[[v]])
for (v in c("sex", "age65", "extent")) glmfit("colon3", three, v)
two$arm <- two$rx
two$y <- two$status
for (v in vars) glmfit("colon2", two, v)

# Per-level odds ratio (Woolf / logit Wald CI = glm within the level) for colon2.
orw <- list()
for (v in vars) for (l in levels(two[[v]])) {
  s <- two[two[[v]] == l, ]
  f <- glm(y ~ arm, family = binomial, data = s, control = ctl)
  ci <- confint.default(f)[2, ]
  orw[[length(orw) + 1]] <- data.frame(variable = v, level = l,
    n_ref = sum(s$arm == "Obs"), x_ref = sum(s$y[s$arm == "Obs"]),
    n_trt = sum(s$arm == "Lev+5FU"), x_trt = sum(s$y[s$arm == "Lev+5FU"]),
    odds_ratio = exp(coef(f)[2]), conf_low = exp(ci[1]), conf_high = exp(ci[2]))
}
w(do.call(rbind, orw), "colon_or_within.csv")

# ---- seeded random dataset ----------------------------------------------------------------------
set.seed(20261126)
n <- 240
sd <- data.frame(USUBJID = sprintf("S-%03d", 1:n),
  ARM = sample(c("Placebo", "Drug"), n, replace = TRUE),
  REGION = sample(c("Europe", "North America", "Asia"), n, replace = TRUE, prob = c(.5, .35, .15)),
  SEX = sample(c("F", "M"), n, replace = TRUE),
  AGE = round(rnorm(n, 62, 10)))
lin <- -0.6 + 0.9 * (sd$ARM == "Drug") + 0.4 * (sd$SEX == "M") - 0.8 * (sd$ARM == "Drug") * (sd$SEX == "M")
sd$RESP <- rbinom(n, 1, plogis(lin))
# Make region Asia separate: every Drug subject in Asia responds (quasi-complete separation).
sd$RESP[sd$REGION == "Asia" & sd$ARM == "Drug"] <- 1
sd$AVALC <- ifelse(sd$RESP == 1, sample(c("CR", "PR"), n, replace = TRUE, prob = c(.3, .7)),
  sample(c("SD", "PD", "NE"), n, replace = TRUE, prob = c(.5, .4, .1)))
rate <- 0.05 * exp(-0.5 * (sd$ARM == "Drug") + 0.3 * (sd$SEX == "M") + 0.6 * (sd$ARM == "Drug") * (sd$SEX == "M"))
tt <- rexp(n, rate); cc <- runif(n, 5, 40)
sd$AVAL <- round(pmin(tt, cc), 2)
sd$CNSR <- as.integer(tt > cc)
write.csv(sd[, c("USUBJID", "ARM", "REGION", "SEX", "AGE", "AVALC", "AVAL", "CNSR")],
  file.path(out, "seeded.csv"), row.names = FALSE)
sd$arm <- factor(sd$ARM, levels = c("Placebo", "Drug"))
sd$y <- sd$RESP
sd$REGION <- factor(sd$REGION)
sd$SEX <- factor(sd$SEX)
sd$AGEQ2 <- factor(ifelse(sd$AGE < quantile(sd$AGE, .5), "lo", "hi"), levels = c("lo", "hi"))
for (v in c("SEX", "REGION", "AGEQ2")) glmfit("seeded", sd, v)
for (v in c("SEX", "REGION")) {
  f0 <- coxph(as.formula(paste("Surv(AVAL, 1 - CNSR) ~ arm +", v)), data = sd)
  f1 <- coxph(as.formula(paste("Surv(AVAL, 1 - CNSR) ~ arm *", v)), data = sd)
  a <- anova(f0, f1)
  lr[[length(lr) + 1]] <- data.frame(dataset = "seeded", endpoint = "tte", variable = v,
    loglik_main = f0$loglik[2], loglik_full = f1$loglik[2], statistic = a$Chisq[2],
    df = a$Df[2], p_value = a$`Pr(>|Chi|)`[2])
}
w(do.call(rbind, coefs), "glm_coefficients.csv")
w(do.call(rbind, lr), "lr_tests.csv")

# ---- quantile cut points (type 7, R default) and multiplicity adjustment ------------------------
qs <- list()
for (k in 2:5) {
  p <- seq_len(k - 1) / k
  qs[[length(qs) + 1]] <- data.frame(groups = k, index = seq_along(p), prob = p,
    cut = unname(quantile(sd$AGE, p, type = 7)))
}
w(do.call(rbind, qs), "seeded_age_quantiles.csv")
pv <- c(0.01, 0.04, 0.03, 0.2, 0.005, 0.5, 0.04, 0.9, 0.0001, 0.049)
w(data.frame(p = pv, holm = p.adjust(pv, "holm"), bh = p.adjust(pv, "BH")), "p_adjust.csv")

# ---- KM medians under each CI transform (seeded data, per arm x sex) ---------------------------
kmq <- list()
for (ct in c("log", "log-log", "plain")) for (a in levels(sd$arm)) for (s in levels(sd$SEX)) {
  sub <- sd[sd$arm == a & sd$SEX == s, ]
  q <- quantile(survfit(Surv(AVAL, 1 - CNSR) ~ 1, data = sub, conf.type = ct), 0.5)
  kmq[[length(kmq) + 1]] <- data.frame(conf_type = ct, arm = a, sex = s, n = nrow(sub),
    events = sum(1 - sub$CNSR), median = unname(q$quantile), lower = unname(q$lower),
    upper = unname(q$upper))
}
w(do.call(rbind, kmq), "seeded_km_medians.csv")

# ---- adjusted interaction p-values of the colon TTE analysis (the CLI's --adjust) --------------
lrd <- do.call(rbind, lr)
ct <- lrd[lrd$dataset == "colon" & lrd$endpoint == "tte", ]
w(data.frame(variable = ct$variable, p = ct$p_value, holm = p.adjust(ct$p_value, "holm"),
  bh = p.adjust(ct$p_value, "BH")), "colon_interaction_adjusted.csv")
