package org.issa.tcw;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers H2's {@code durable:} file system ({@link DurableFilePath}) before any bean exists —
 * so before the datasource, Flyway or anything else opens the embedded database.
 */
@Configuration(proxyBeanMethods = false)
class DurableDatabaseFiles {

    @Bean
    static BeanFactoryPostProcessor registerDurableH2FileSystem() {
        return beanFactory -> DurableFilePath.register();
    }
}
