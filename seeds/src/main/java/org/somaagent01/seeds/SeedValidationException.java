package org.somaagent01.seeds;

/**
 * A data file that does not match its table. The message is one line and names the file, the row (0-based, as in
 * {@code jq '.[2]'}) and the field: {@code multimodal_capabilities.json[2].cost_tier: 'platinum' is not a label of
 * enum type cost_tier (labels: [free, low, medium, high, premium])}.
 */
public final class SeedValidationException extends RuntimeException {
    public SeedValidationException(String message) {
        super(message);
    }

    static SeedValidationException at(String file, int row, String field, String problem) {
        return new SeedValidationException(file + "[" + row + "]" + (field == null ? "" : "." + field) + ": " + problem);
    }
}
