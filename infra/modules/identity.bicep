// The one identity the Function App runs as: storage, queues, Web PubSub, Key Vault references and
// Application Insights all authorise it through RBAC, so no connection string or key exists.
@description('Name of the user-assigned managed identity.')
param name string

param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
