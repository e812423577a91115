package com.acme.intake.fixtureone.control;

import org.camunda.bpm.engine.TaskService;

import com.acme.intake.fixturetwo.boundary.UsesOne;

/** Breaks the rules on purpose, for ArchitectureTest: imports the engine and another feature's boundary. */
public class UsesTwo {

    TaskService tasks;

    UsesOne other;
}
