/** Longest crosswise review, in characters: the server refuses longer, the form stops there. */
export const MAX_REVIEW = 2000;
