# Converts datasets/r-survival/colon.csv (R survival::colon, Moertel et al. 1990/1995) into
# ADaM-shaped ADSL + ADTTE. Run from the project root: Rscript datasets/colon-adam/convert.R
# Base R only. Mapping:
#   USUBJID = "COLON-" + id (zero padded); ARM = TRT01P = rx
#   ADTTE PARAMCD RFS from etype 1 (recurrence or death), OS from etype 2 (death)
#   AVAL = time (days, as in the source), CNSR = 1 - status (ADaM: 0 = event)
#   SEX from sex (1 = male -> M, 0 = F); AGEGR1 <65 / >=65 from age;
#   OBSTRUCT, PERFOR, ADHERE = Y/N from 1/0; NODE4 = ">4" / "<=4" from node4 (1/0);
#   EXTENT 1-4 = Submucosa, Muscle, Serosa, Contiguous structures; DIFFER 1-3 = Well, Moderate, Poor;
#   SURG 0/1 = Short / Long (time from surgery to registration).
src <- read.csv("datasets/r-survival/colon.csv", stringsAsFactors = FALSE)
yn <- function(x) ifelse(is.na(x), "", ifelse(x == 1, "Y", "N"))
lab <- function(x, labels) ifelse(is.na(x), "", labels[x])
subj <- src[src$etype == 2, ]
subj <- subj[order(subj$id), ]
usubjid <- function(id) sprintf("COLON-%04d", id)
adsl <- data.frame(
  STUDYID = "COLON",
  USUBJID = usubjid(subj$id),
  ARM = subj$rx,
  TRT01P = subj$rx,
  AGE = subj$age,
  AGEGR1 = ifelse(subj$age < 65, "<65", ">=65"),
  SEX = ifelse(subj$sex == 1, "M", "F"),
  OBSTRUCT = yn(subj$obstruct),
  PERFOR = yn(subj$perfor),
  ADHERE = yn(subj$adhere),
  NODES = ifelse(is.na(subj$nodes), "", subj$nodes),
  NODE4 = ifelse(subj$node4 == 1, ">4", "<=4"),
  DIFFER = lab(subj$differ, c("Well", "Moderate", "Poor")),
  EXTENT = lab(subj$extent, c("Submucosa", "Muscle", "Serosa", "Contiguous")),
  SURG = ifelse(subj$surg == 1, "Long", "Short"),
  ITTFL = "Y",
  stringsAsFactors = FALSE
)
tte <- src[order(src$id, -src$etype), ]
adtte <- data.frame(
  STUDYID = "COLON",
  USUBJID = usubjid(tte$id),
  PARAMCD = ifelse(tte$etype == 1, "RFS", "OS"),
  PARAM = ifelse(tte$etype == 1, "Recurrence-Free Survival", "Overall Survival"),
  AVAL = tte$time,
  AVALU = "DAYS",
  CNSR = 1 - tte$status,
  EVNTDESC = ifelse(tte$status == 1, ifelse(tte$etype == 1, "RECURRENCE OR DEATH", "DEATH"), ""),
  CNSDTDSC = ifelse(tte$status == 0, "LAST KNOWN ALIVE", ""),
  ARM = tte$rx,
  stringsAsFactors = FALSE
)
write.csv(adsl, "datasets/colon-adam/adsl.csv", row.names = FALSE, na = "")
write.csv(adtte, "datasets/colon-adam/adtte.csv", row.names = FALSE, na = "")
cat(sprintf("adsl: %d subjects; adtte: %d rows\n", nrow(adsl), nrow(adtte)))
