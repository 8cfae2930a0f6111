/**
 * DIN 5008 form B geometry of an A4 letter, in PDF points (1 mm = 72/25.4 pt). Exported so tests
 * can check that the address really sits inside the envelope window.
 */
export const MM = 72 / 25.4;
export const mm = (v: number): number => v * MM;

export const PAGE = { width: mm(210), height: mm(297) };

/** Left and right text margins; the text width follows from them. */
export const MARGIN = { left: mm(25), right: mm(20), top: mm(20), bottom: mm(32) };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Letterhead band (form B): 45 mm. */
export const LETTERHEAD_HEIGHT = mm(45);

/** Address field: 20 mm from the left edge, 45 mm from the top, 85 × 45 mm. */
export const ADDRESS_FIELD = { x: mm(20), y: mm(45), width: mm(85), height: mm(45) };
/** Its upper 17.7 mm hold the return address line; the recipient follows in the 27.3 mm below. */
export const RETURN_LINE_Y = mm(45 + 12.7);
export const RECIPIENT_Y = mm(45 + 17.7);
/** Text inside the window starts 5 mm right of the field's edge (the text margin). */
export const ADDRESS_TEXT_X = mm(25);
export const ADDRESS_TEXT_WIDTH = mm(80);

/** Information block: 125 mm from the left, 50 mm from the top, up to the right margin. */
export const INFO_BLOCK = { x: mm(125), y: mm(50), width: mm(75) };

/** The subject starts below the address field. */
export const SUBJECT_Y = mm(98.5);

/** Folding marks (form B) at 105 mm and 210 mm, hole mark at 148.5 mm. */
export const FOLD_MARKS = [mm(105), mm(210)];
export const HOLE_MARK = mm(148.5);

/** Footer band from here to the bottom edge. */
export const FOOTER_Y = PAGE.height - mm(22);
