package org.ems.users;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The users module's layers (ARCHITECTURE.md), kept by the build rather than by review. */
@AnalyzeClasses(packages = "org.ems.users", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    /** The model and its rules are plain Java: JPA mappings at most, no container, no other layer. */
    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("..users.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.ejb..",
                    "jakarta.enterprise..",
                    "jakarta.inject..",
                    "jakarta.annotation..",
                    "jakarta.servlet..",
                    "jakarta.jms..",
                    "javax.cache..",
                    "..users.application..",
                    "..users.infrastructure..");

    /** The services use ports; which adapter stands behind one is the container's business. */
    @ArchTest
    static final ArchRule applicationKnowsNoAdapter = noClasses()
            .that()
            .resideInAPackage("..users.application..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..users.infrastructure..");
}
