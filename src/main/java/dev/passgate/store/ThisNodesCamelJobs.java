package dev.passgate.store;

import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.CamelJob;
import org.apache.camel.component.quartz.StatefulCamelJob;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.simpl.PropertySettingJobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * The cluster scheduler's job factory: a camel-quartz job runs in the CamelContext of the node
 * that fires it. camel-quartz finds the context by the name the scheduling node wrote into the
 * job's data, which is another node's context when a trigger moved to a survivor (and context
 * names need not agree between nodes, or between nodes in one JVM).
 */
final class ThisNodesCamelJobs extends PropertySettingJobFactory {

    private final CamelContext context;

    ThisNodesCamelJobs(CamelContext context) {
        this.context = context;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        // Quartz reads the concurrency rules from the class stored with the job, not from this instance.
        if (type == CamelJob.class || type == StatefulCamelJob.class) {
            return new InThisContext(context);
        }
        return super.newJob(bundle, scheduler);
    }

    private static final class InThisContext extends CamelJob {
        private final CamelContext context;

        InThisContext(CamelContext context) {
            this.context = context;
        }

        @Override
        protected CamelContext getCamelContext(JobExecutionContext firing) {
            return context;
        }
    }
}
