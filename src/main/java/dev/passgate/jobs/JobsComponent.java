package dev.passgate.jobs;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code jobs:output} (the message body becomes the job's next output line) and
 * {@code jobs:miner?op=files.write} (a miner request, as the job's owner); the options are
 * described on {@link JobsEndpoint}. Both work only inside a job's workflow.
 */
@org.apache.camel.spi.annotations.Component("jobs")
public class JobsComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        JobsEndpoint endpoint = new JobsEndpoint(uri, this, JobsEndpoint.Operation.parse(remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
