// Package reports is the supervisor's report of a period: requests,
// complaints, loans, keys, lost and found and the staff's attendance,
// each beside the same
// figures for the period before, of the same length. The figures come
// from each register's PeriodReport (reading through the registers'
// by-time indexes, so a week's report reads that week); this package
// picks the periods and puts the parts together, as plain values for the
// screen, the printed report and the workbook.
package reports
