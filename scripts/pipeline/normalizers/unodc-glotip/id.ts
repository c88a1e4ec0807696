/** The source id: it names this source's rows, its alias file and its mirror folder. */
export const ID = 'unodc-glotip';

/** The value column holds text ('27', '1,757', '<5'), hence the name; dataUNODC's other exports have `VALUE`. */
export const VALUE = 'txtVALUE';
