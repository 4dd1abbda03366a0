package org.gongjian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Gongjian 攻坚: the key-work campaign platform, one deployable modular monolith. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = {"shared", "web"})
public class GongjianApplication {

    public static void main(String[] args) {
        SpringApplication.run(GongjianApplication.class, args);
    }
}
