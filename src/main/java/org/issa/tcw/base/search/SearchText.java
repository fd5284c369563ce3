package org.issa.tcw.base.search;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.PropertyMapping;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.PropertyMappingAnnotationProcessor;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.PropertyMappingAnnotationProcessorContext;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.PropertyMappingAnnotationProcessorRef;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.PropertyMappingStep;

/**
 * A text property found by search: indexed once accent-folded (stored, for snippets with
 * highlighting) and once per working language with its stemmer, under {@link #value()}
 * ({@link SearchFields#TITLE} or {@link SearchFields#BODY}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
@PropertyMapping(processor = @PropertyMappingAnnotationProcessorRef(type = SearchText.Processor.class,
        retrieval = BeanRetrieval.CONSTRUCTOR))
public @interface SearchText {

    /** The field name: {@link SearchFields#TITLE} or {@link SearchFields#BODY}. */
    String value();

    /** Maps the annotated property to the folded field and the four language fields. */
    class Processor implements PropertyMappingAnnotationProcessor<SearchText> {

        @Override
        public void process(PropertyMappingStep mapping, SearchText annotation,
                PropertyMappingAnnotationProcessorContext context) {
            mapping.fullTextField(annotation.value()).analyzer(SearchFields.FOLDED)
                    .projectable(Projectable.YES)
                    .highlightable(java.util.List.of(Highlightable.UNIFIED))
                    // offsets stored: the highlighter reads them instead of analysing a 20,000-character text again
                    .termVector(TermVector.WITH_POSITIONS_OFFSETS);
            for (String language : SearchFields.LANGUAGES) {
                mapping.fullTextField(SearchFields.inLanguage(annotation.value(), language)).analyzer(language);
            }
        }
    }
}
