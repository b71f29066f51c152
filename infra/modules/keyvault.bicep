// Key Vault for the two secrets the API needs. RBAC authorisation (no access policies), soft
// delete and purge protection on. The app reads the secrets through Key Vault references, so the
// values never appear in app settings; its identity gets Key Vault Secrets User and nothing more.
@description('Globally unique vault name: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param name string

param location string
param tags object

@secure()
@minLength(32)
@description('The pseudonym and live-ticket HMAC key (ROUNDTABLE_SECRET).')
param roundtableSecret string

@secure()
@description('The bot app registration\'s client secret (BOT_APP_SECRET).')
param botAppSecret string

@description('Principal id of the identity that resolves the Key Vault references.')
param readerPrincipalId string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource pseudonymKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'roundtable-secret'
  properties: {
    value: roundtableSecret
    contentType: 'text/plain'
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-app-secret'
  properties: {
    value: botAppSecret
    contentType: 'text/plain'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
// Versionless URIs: the app picks up a rotated secret on its next refresh or restart.
output roundtableSecretUri string = pseudonymKey.properties.secretUri
output botAppSecretUri string = botSecret.properties.secretUri
