<#-- THIRD-PARTY.txt of the distribution: every library EMS ships but its own modules, with its licences. -->
<#function artifactFormat p>
    <#return p.name + " (" + p.groupId + ":" + p.artifactId + ":" + p.version + " - " + (p.url!"no url defined") + ")">
</#function>
<#function licenseFormat licenses>
    <#assign result = ""/>
    <#list licenses as license>
        <#assign result = result + " (" + license + ")"/>
    </#list>
    <#return result>
</#function>
The third-party software in this distribution of EMS and its licences (each library's own licence text is in its jar,
or at its address below).

<#list dependencyMap as e>
<#assign project = e.getKey()/>
<#if project.groupId != "org.ems">
    ${licenseFormat(e.getValue())} ${artifactFormat(project)}
</#if>
</#list>
