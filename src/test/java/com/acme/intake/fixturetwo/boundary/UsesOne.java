package com.acme.intake.fixturetwo.boundary;

import com.acme.intake.fixtureone.control.UsesTwo;

/** Closes the loop with {@link UsesTwo}, for ArchitectureTest. */
public class UsesOne {

    UsesTwo back;
}
