package org.ems.system;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault run on two instances: instance 2 and the primary broker killed under load; the books must reconcile. */
class ClusterFaultRunIT {

    @Test
    void theClusterLosesNothingWhenAnInstanceOrThePrimaryBrokerIsKilled() throws Exception {
        FaultRunIT.faultRun(
                List.of("kill -9 Payara Micro (instance 2)", "kill -9 the broker (the primary)", "end of the run"),
                "--instances",
                "2",
                "--faults",
                "PAYARA,BROKER",
                "--duration",
                "1m");
    }
}
