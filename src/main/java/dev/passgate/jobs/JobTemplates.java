package dev.passgate.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passgate.passticket.RacfName;
import dev.passgate.protocol.ErrorCode;
import dev.passgate.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;

/**
 * Job templates: route templates (YAML or XML, in {@code config/routes}) whose id is
 * {@code job.<NAME>}, NAME a RACF name in upper case, and whose {@code from:} is
 * {@code kamelet:source}. A job runs as {@code kamelet:job.<NAME>/job-<ID>} with its params
 * as the template's parameters, so camel-kamelet makes one route per job from the template.
 */
public final class JobTemplates {

    /** The id prefix that tags a route template as a job template. */
    public static final String PREFIX = "job.";

    /** A template's name and its parameters: those without a default value must be given. */
    public record Template(String name, List<String> required, List<String> known) {
    }

    private final CamelContext context;

    public JobTemplates(CamelContext context) {
        this.context = context;
    }

    /** The template a client names, any case; empty when there is no such job template. */
    public Optional<Template> find(String name) {
        String n;
        try {
            n = RacfName.normalize(name, "template");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        RouteTemplateDefinition def = model().getRouteTemplateDefinition(PREFIX + n);
        if (def == null || def.getRoute() == null || def.getRoute().getInput() == null
                || !def.getRoute().getInput().getEndpointUri().startsWith("kamelet:source")) {
            return Optional.empty();
        }
        List<String> required = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (RouteTemplateParameterDefinition p : def.getTemplateParameters() == null ? List.<RouteTemplateParameterDefinition>of()
                : def.getTemplateParameters()) {
            known.add(p.getName());
            if (p.getDefaultValue() == null && !"false".equals(p.getRequired())) {
                required.add(p.getName());
            }
        }
        return Optional.of(new Template(n, required, known));
    }

    /** Every job template's name, sorted. */
    public List<String> names() {
        return model().getRouteTemplateDefinitions().stream().map(RouteTemplateDefinition::getId)
                .filter(id -> id.startsWith(PREFIX)).map(id -> id.substring(PREFIX.length()))
                .filter(n -> find(n).isPresent()).sorted().toList();
    }

    /**
     * Checks a submit's params against the template: each a string, number or boolean; none
     * unknown; every required one present; none able to reach Camel's expression or placeholder
     * languages (the template puts them into its steps as text). Returns them as text.
     *
     * @throws ProtocolException BAD_REQUEST naming the parameter (never its value)
     */
    public static Map<String, String> params(Template t, JsonNode params) {
        Map<String, String> out = new LinkedHashMap<>();
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "params must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                if (!t.known().contains(name)) {
                    throw new ProtocolException(ErrorCode.BAD_REQUEST, "template " + t.name() + " has no parameter "
                            + shown(name));
                }
                JsonNode v = e.getValue();
                if (!v.isValueNode() || v.isNull()) {
                    throw new ProtocolException(ErrorCode.BAD_REQUEST, "parameter " + name
                            + " must be a string, number or boolean");
                }
                String text = v.asText();
                if (text.contains("${") || text.contains("{{") || (text.contains(")") && text.contains("}"))) {
                    throw new ProtocolException(ErrorCode.BAD_REQUEST, "parameter " + name
                            + " may not contain ${ or {{, nor both ) and }");
                }
                out.put(name, text);
            }
        }
        for (String r : t.required()) {
            if (!out.containsKey(r)) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "template " + t.name() + " needs parameter " + r);
            }
        }
        return out;
    }

    /** The kamelet URI that runs one job: each value RAW, so that no character of it is read as URI syntax. */
    static String uri(Template t, String jobId, Map<String, String> params) {
        // No error handler of its own: a failing step ends the job (FAILED, with its reason), not a stack trace.
        StringBuilder uri = new StringBuilder("kamelet:" + PREFIX + t.name() + "/" + routeId(jobId)
                + "?noErrorHandler=true");
        char sep = '&';
        for (Map.Entry<String, String> e : params.entrySet()) {
            String v = e.getValue();
            uri.append(sep).append(e.getKey()).append('=').append(v.contains(")") ? "RAW{" + v + "}" : "RAW(" + v + ")");
            sep = '&';
        }
        return uri.toString();
    }

    /** The route a job's run gets from its template. */
    static String routeId(String jobId) {
        return "job-" + jobId;
    }

    private static String shown(String name) {
        String n = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return n.length() <= 40 ? n : n.substring(0, 40) + "...";
    }

    private Model model() {
        return context.getCamelContextExtension().getContextPlugin(Model.class);
    }

    @Override
    public String toString() {
        return "JobTemplates" + names().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }
}
