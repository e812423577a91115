/**
 * PII detection: from a column's name and a sample of its values, a suggested PII category,
 * masking, confidence and reason ({@link com.acme.intake.classification.control.PiiClassifier}).
 * Plain Java (libphonenumber for phone numbers, Lucene Kuromoji for Japanese person names); no
 * engine, no JPA. Sampled values never leave it: reasons hold shares and name words only.
 */
package com.acme.intake.classification.control;
