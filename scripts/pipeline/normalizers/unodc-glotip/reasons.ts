/** Why a row is quarantined; the tests name them, so they are one list. */
export const REASONS = {
  emptyCategory:
    'Category is empty in a by-citizenship or by-country-of-repatriation row: the label is missing and such rows mean different things (the total, the non-nationals, once the year typed as a value), so the value cannot be attributed',
  sexBlockParts:
    'sex total (Age = Total) repeats its key in the block UNODC appended: the rows are the age groups listed instead of summed, so none of them is the sex total',
  otherFormsParts:
    "'Other forms of exploitation' repeats its key in the block UNODC appended: unlabelled sub-forms (in some countries with their total) share one label, so none of them is the value for other forms",
  noValue: 'txtVALUE is empty: nothing was published for this cell',
} as const;
