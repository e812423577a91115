/**
 * Where data comes from: registered JDBC sources and uploaded files, read as streams of rows.
 * Plain Java contracts shared by the source readers and the provisioning loader.
 */
package com.acme.intake.source.entity;
