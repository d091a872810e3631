# Writes haven-written.sas7bdat for SasReaderTest: a small data frame saved with R haven's
# write_sas() (ReadStat's SAS7BDAT writer). Run from the project root with
#   Rscript src/test/resources/sas7bdat/generate.R
# (Debian: apt-get install r-cran-haven 2.5.1). haven documents write_sas() as unreliable ("in
# most cases SAS will not read files that it produces") and Parso 2.0.14 reads only part of the
# column metadata of such files: the test checks that trialstats says so clearly instead of
# failing obscurely. It is not a fixture of a real SAS dataset (none can be made here).
suppressPackageStartupMessages(library(haven))
d <- data.frame(USUBJID = c("S1", "S2"), AVAL = c(10.5, 3), ARM = c("A", "B"),
                CNSR = c(0, 1), AGE = c(61, 70), stringsAsFactors = FALSE)
suppressWarnings(write_sas(d, "src/test/resources/sas7bdat/haven-written.sas7bdat"))
