package com.acme.intake.source.control;

import java.io.InputStream;

/** Opens a fresh stream over an upload's bytes, as often as needed (one pass per reading). */
@FunctionalInterface
interface Content {

    InputStream open();
}
