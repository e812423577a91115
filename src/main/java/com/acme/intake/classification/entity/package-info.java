/**
 * What PII detection works on and gives back: a column's sample ({@link ColumnSample}, which never
 * shows its values), the kinds of PII it recognises ({@link Detected}) and the suggestion for a
 * column ({@link Suggestion}: category, masking, confidence and a reason as a code with arguments).
 */
package com.acme.intake.classification.entity;
