package org.issa.tcw.base.search;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.TypeMapping;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.TypeMappingAnnotationProcessor;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.TypeMappingAnnotationProcessorContext;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.TypeMappingAnnotationProcessorRef;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;

/**
 * What kind of item an indexed entity is and who may find it: {@link SearchFields#KIND} and
 * {@link SearchFields#SCOPE} as constant keywords. A commission-scoped entity must also map its
 * commission's id to {@link SearchFields#COMMISSION}; the search then only returns it to readers
 * of that commission.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TypeMapping(processor = @TypeMappingAnnotationProcessorRef(type = SearchKind.Processor.class,
        retrieval = BeanRetrieval.CONSTRUCTOR))
public @interface SearchKind {

    /** DOCUMENT, THREAD, POST, PROJECT, MILESTONE, PERSON, INSTITUTION, COMMISSION. */
    String value();

    /** True: only readers of the item's commission find it; false: every signed-in person. */
    boolean commissionScoped();

    /** Adds the two constant fields. */
    class Processor implements TypeMappingAnnotationProcessor<SearchKind> {

        @Override
        public void process(TypeMappingStep mapping, SearchKind annotation,
                TypeMappingAnnotationProcessorContext context) {
            String kind = annotation.value();
            String scope = annotation.commissionScoped() ? SearchFields.SCOPE_COMMISSION : SearchFields.SCOPE_PUBLIC;
            mapping.binder((TypeBinder) binding -> bind(binding, kind, scope));
        }

        private static void bind(TypeBindingContext binding, String kind, String scope) {
            binding.dependencies().useRootOnly();
            IndexFieldReference<String> kindField = binding.indexSchemaElement()
                    .field(SearchFields.KIND, f -> f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES))
                    .toReference();
            IndexFieldReference<String> scopeField = binding.indexSchemaElement()
                    .field(SearchFields.SCOPE, f -> f.asString()).toReference();
            binding.bridge(Object.class, (target, entity, write) -> {
                target.addValue(kindField, kind);
                target.addValue(scopeField, scope);
            });
        }
    }
}
