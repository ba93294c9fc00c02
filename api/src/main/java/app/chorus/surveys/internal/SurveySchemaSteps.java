package app.chorus.surveys.internal;

import app.chorus.platform.SchemaSteps;
import org.springframework.stereotype.Component;

/** The surveys' schema migration steps ({@link SchemaSteps}). */
@Component
class SurveySchemaSteps extends SchemaSteps {

    SurveySchemaSteps() {
        super(TallyCellsFlattened.class);
    }
}
