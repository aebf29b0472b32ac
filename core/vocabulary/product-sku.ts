/**
 * A product SKU as the library stores it: letters and digits first, then also . _ - ; up to 64
 * characters (EAN, UPC and shop SKUs fit). Assets, comments, FAQ entries and insights name
 * products this way.
 */
export const PRODUCT_SKU = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const PRODUCT_SKU_RULE = '1-64 letters, digits, ".", "_" or "-", starting with a letter or digit';
