package com.acme.intake.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of every integration test: the WAR the build produced, deployed as it is
 * (black-box), so the tests exercise exactly what ships.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive application() {
        File war = new File(System.getProperty("intake.war", "target/intake.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: integration tests run after 'mvn package'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
