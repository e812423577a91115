package com.acme.intake.catalog.control;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.acme.intake.provisioning.control.WarehouseCatalogComments;

/**
 * The catalog's {@link WarehouseComments}, written by provisioning, which owns the warehouse DDL. An
 * adapter on the catalog's side, so that catalog depends on provisioning and not the other way round.
 */
@ApplicationScoped
public class WarehouseCommentsInWarehouse implements WarehouseComments {

    @Inject
    WarehouseCatalogComments warehouse;

    @Override
    public void apply(String table, String tableComment, Map<String, String> columnComments) {
        warehouse.apply(table, tableComment, columnComments);
    }
}
