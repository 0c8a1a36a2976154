package org.ems.web;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.ems.contracts.architecture.LayerRules;

/** This module's classes keep the layer rules of every module. */
@AnalyzeClasses(
        packages = "org.ems.web",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class LayersTest {

    @ArchTest
    static final ArchTests layers = ArchTests.in(LayerRules.class);
}
