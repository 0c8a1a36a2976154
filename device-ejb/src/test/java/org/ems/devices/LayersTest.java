package org.ems.devices;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The devices module's layers (ARCHITECTURE.md), kept by the build rather than by review. */
@AnalyzeClasses(packages = "org.ems.devices", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    /** The model and its rules are plain Java: JPA mappings at most, no container, no other layer. */
    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("..devices.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.ejb..",
                    "jakarta.enterprise..",
                    "jakarta.inject..",
                    "jakarta.annotation..",
                    "jakarta.servlet..",
                    "jakarta.jms..",
                    "..devices.application..",
                    "..devices.infrastructure..");

    /** The services use ports; which adapter stands behind one is the container's business. */
    @ArchTest
    static final ArchRule applicationKnowsNoAdapter = noClasses()
            .that()
            .resideInAPackage("..devices.application..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..devices.infrastructure..");
}
