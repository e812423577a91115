package com.acme.intake;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package graph of docs/architecture.md, read from the compiled application (not the tests):
 * features depend inward and never in a loop, only workflow talks to the engine, no control reaches
 * into another feature's boundary, and the plain-Java features stay free of JPA.
 */
class ArchitectureTest {

    private static final String BASE = "com.acme.intake";
    private static final Pattern LAYER = Pattern.compile(Pattern.quote(BASE) + "\\.([a-z]+)\\.(boundary|control|entity)\\..*");

    private static JavaClasses application;

    @BeforeAll
    static void importApplication() {
        application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    static final ArchRule NO_CYCLES = slices().matching(BASE + ".(*)..").namingSlices("$1")
            .should().beFreeOfCycles();

    static final ArchRule ENGINE_ONLY_IN_WORKFLOW = noClasses().that().resideOutsideOfPackage(BASE + ".workflow..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("features reach the engine through workflow's own types (ProcessStep, ProcessProgress)");

    static final ArchRule NO_CONTROL_USES_ANOTHER_BOUNDARY = classes().that().resideInAPackage(BASE + ".*.control..")
            .should(new ArchCondition<JavaClass>("not depend on the boundary of another feature") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    String feature = feature(item.getName(), "control");
                    for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                        String target = feature(dependency.getTargetClass().getName(), "boundary");
                        if (target != null && !target.equals(feature)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    @Test
    void no_two_features_depend_on_each_other_directly_or_in_a_loop() {
        NO_CYCLES.check(application);
    }

    @Test
    void only_workflow_imports_the_engine() {
        ENGINE_ONLY_IN_WORKFLOW.check(application);
    }

    @Test
    void no_control_uses_the_boundary_of_another_feature() {
        NO_CONTROL_USES_ANOTHER_BOUNDARY.check(application);
    }

    @Test
    void the_rules_catch_a_loop_an_engine_import_and_a_control_using_another_boundary() {
        // given: test-only classes that break each rule (fixtureone and fixturetwo)
        JavaClasses broken = new ClassFileImporter().importClasses(
                com.acme.intake.fixtureone.control.UsesTwo.class,
                com.acme.intake.fixturetwo.boundary.UsesOne.class);

        // when / then
        assertThatThrownBy(() -> slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(broken))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
        assertThatThrownBy(() -> ENGINE_ONLY_IN_WORKFLOW.check(broken))
                .isInstanceOf(AssertionError.class).hasMessageContaining("UsesTwo").hasMessageContaining("org.camunda");
        assertThatThrownBy(() -> NO_CONTROL_USES_ANOTHER_BOUNDARY.check(broken))
                .isInstanceOf(AssertionError.class).hasMessageContaining("fixturetwo.boundary.UsesOne");
    }

    @Test
    void masking_and_classification_are_plain_java_without_jpa() {
        noClasses().that().resideInAnyPackage(BASE + ".masking..", BASE + ".classification..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
                .check(application);
    }

    @Test
    void web_depends_on_no_feature() {
        noClasses().that().resideInAPackage(BASE + ".web..")
                .should().dependOnClassesThat(resideInAPackage(BASE + "..")
                        .and(not(resideInAnyPackage(BASE + ".web..", BASE + ".kernel..", BASE + ".database.."))))
                .because("web is shared by every feature; the database's installation mode is infrastructure")
                .check(application);
    }

    /** The feature of a class in its {@code layer} sub-package (e.g. {@code source} of {@code source.control.X}), or null. */
    private static String feature(String className, String layer) {
        Matcher m = LAYER.matcher(className);
        return m.matches() && m.group(2).equals(layer) ? m.group(1) : null;
    }
}
