/**
 * What the process calls to provision a dataset: the provisioning service task's step
 * ({@link com.acme.intake.provisioning.boundary.ProvisionDatasetDelegate}), handed to the engine by
 * workflow without either importing the other's internals.
 */
package com.acme.intake.provisioning.boundary;
