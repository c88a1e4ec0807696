/** The source id: it names this source's rows, its alias file and its mirror folder. */
export const ID = 'iom-missing-migrants';
