// Azure Static Web Apps serves the tab (tabs/dist/web). staticwebapp.config.json in the build
// sets the Content-Security-Policy, including the Teams hosts allowed to frame the tab.
param name string

@description('Static Web Apps runs in a few regions only; the content is served globally.')
@allowed([
  'westus2'
  'centralus'
  'eastus2'
  'westeurope'
  'eastasia'
])
param location string

param tags object

@allowed([
  'Free'
  'Standard'
])
param sku string

resource staticSite 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }
}

output id string = staticSite.id
output defaultHostname string = staticSite.properties.defaultHostname
