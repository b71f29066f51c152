// The API on Azure Functions Flex Consumption (Node 22, Linux), running as the user-assigned
// identity. Every app setting the API reads in Azure is set here, in one object, and
// tests/infra checks it against api/src/config.ts. Secrets are Key Vault references only.
param planName string
param name string
param location string
param tags object

@description('Resource id, client id of the user-assigned identity the app runs as.')
param identityId string
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param tableEndpoint string
param queueEndpoint string

@description('The meetings table (ROUNDTABLE_TABLE_NAME).')
param meetingsTableName string

@description('https://<tab host>: the only browser origin allowed to call the API.')
param tabOrigin string

@description('api://<tab domain>/botid-<bot id>: the SSO resource of the one Entra app.')
param entraApplicationIdUri string

@description('Comma-separated tenant ids whose users may sign in.')
param entraAllowedTenants string

param botAppId string
param botTenantId string

@description('public or gcc: which Microsoft endpoints the API talks to (api/src/cloud.ts).')
param teamsCloud string
param webPubSubEndpoint string
param webPubSubHub string
param teamsAppId string
param recordRetentionDays int
param summaryRetentionDays int
param roundtableSecretUri string
param botAppSecretUri string
param appInsightsConnectionString string

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' existing = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: [
          tabOrigin
        ]
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    // The Functions host: its storage (timer leases, the queue trigger) through the identity.
    AzureWebJobsStorage__accountName: storage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // DefaultAzureCredential picks the user-assigned identity by this client id.
    AZURE_CLIENT_ID: identityClientId
    // Roundtable (api/src/config.ts).
    ROUNDTABLE_MODE: 'azure'
    ROUNDTABLE_SECRET: '@Microsoft.KeyVault(SecretUri=${roundtableSecretUri})'
    ROUNDTABLE_TABLE_ENDPOINT: tableEndpoint
    ROUNDTABLE_QUEUE_ENDPOINT: queueEndpoint
    ROUNDTABLE_TABLE_NAME: meetingsTableName
    ROUNDTABLE_TAB_ORIGIN: tabOrigin
    ROUNDTABLE_RECORD_RETENTION_DAYS: string(recordRetentionDays)
    ROUNDTABLE_SUMMARY_RETENTION_DAYS: string(summaryRetentionDays)
    ENTRA_APP_ID_URI: entraApplicationIdUri
    ENTRA_ALLOWED_TENANTS: entraAllowedTenants
    BOT_APP_ID: botAppId
    BOT_APP_SECRET: '@Microsoft.KeyVault(SecretUri=${botAppSecretUri})'
    BOT_TENANT_ID: botTenantId
    TEAMS_CLOUD: teamsCloud
    WEBPUBSUB_ENDPOINT: webPubSubEndpoint
    WEBPUBSUB_HUB: webPubSubHub
    TEAMS_APP_ID: teamsAppId
  }
}

// Publishing with user names and passwords is off; deployments use Entra ID tokens.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output id string = site.id
output name string = site.name
output defaultHostName string = site.properties.defaultHostName
