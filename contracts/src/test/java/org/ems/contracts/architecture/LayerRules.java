package org.ems.contracts.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layers of every module (ARCHITECTURE.md), kept by the build rather than by review. Each module's
 * {@code LayersTest} runs these rules on its own classes: {@code ArchTests.in(LayerRules.class)}.
 */
public final class LayerRules {

    private LayerRules() {}

    /** The model and its rules are plain Java: JPA mappings at most; no container, no other layer. */
    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("org.ems.*.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.ejb..",
                    "jakarta.enterprise..",
                    "jakarta.inject..",
                    "jakarta.annotation..",
                    "jakarta.servlet..",
                    "jakarta.jms..",
                    "jakarta.websocket..",
                    "jakarta.ws.rs..",
                    "jakarta.faces..",
                    "javax.cache..",
                    "java.sql..",
                    "javax.sql..",
                    "org.ems.*.application..",
                    "org.ems.*.infrastructure..",
                    "org.ems.*.interfaces..")
            .allowEmptyShould(true); // the web module has no domain of its own

    /**
     * The use cases use ports; which adapter stands behind one (JPA, JDBC, a broker), or which protocol calls them, is
     * not their business.
     */
    @ArchTest
    static final ArchRule applicationKnowsNoAdapter = noClasses()
            .that()
            .resideInAPackage("org.ems.*.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.ems.*.infrastructure..",
                    "org.ems.*.interfaces..",
                    "jakarta.persistence..",
                    "java.sql..",
                    "javax.sql..")
            .allowEmptyShould(true); // nor use cases

    /** Another module is reached through its use cases (application) or its interfaces, never its adapters. */
    @ArchTest
    static final ArchRule noModuleReachesAnothersAdapters = classes()
            .that()
            .resideInAPackage("org.ems..")
            .should(new ArchCondition<>("use no other module's adapters") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String own = module(origin.getPackageName());
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        String target = dependency.getTargetClass().getPackageName();
                        if (target.startsWith("org.ems.")
                                && !module(target).equals(own)
                                && target.contains(".infrastructure")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    /** {@code org.ems.<module>.…}: the module a package belongs to. */
    private static String module(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : packageName;
    }
}
